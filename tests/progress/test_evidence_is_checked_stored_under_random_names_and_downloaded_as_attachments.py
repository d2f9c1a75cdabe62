"""Evidence: type by extension AND content, size capped, random names, sha256, attachments."""

import datetime
import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kaohe.accounts.roles import Role
from kaohe.progress import actions
from kaohe.progress.models import Evidence
from tests.progress.conftest import PDF, pdf


@pytest.fixture
def draft(cycle, at, report):
    at(datetime.date(2025, 2, 5))
    return report("市财政局", "1.1", "2025-01", files=0, submit=False)


def upload(cycle, draft, name, content):
    return actions.add_evidence(
        cycle.users[Role.REPORTER], draft.pk, SimpleUploadedFile(name, content)
    )


def zipped(folder):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(f"{folder}document.xml", "<w/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("说明.pdf", PDF),
        ("说明.docx", zipped("word/")),
        ("台账.xlsx", zipped("xl/")),
        ("旧表.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100),
        ("照片.JPG", b"\xff\xd8\xff\xe0" + b"\0" * 100),
        ("截图.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100),
        ("材料.zip", zipped("any/")),
    ],
)
def test_the_accepted_types_upload(cycle, draft, name, content):
    evidence = upload(cycle, draft, name, content)
    assert evidence.original_name == name
    assert evidence.sha256 == hashlib.sha256(content).hexdigest()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("病毒.exe", b"MZ\x90\x00", "类型不允许上传"),
        ("伪装.pdf", b"MZ\x90\x00" + b"\0" * 100, "内容与扩展名 .pdf 不符"),
        ("网页.pdf", b"<html><script>alert(1)</script></html>", "内容与扩展名 .pdf 不符"),
        ("压缩包.docx", zipped("other/"), "不是有效的 .docx 文件"),
        ("空.pdf", b"", "空文件"),
        ("无扩展名", PDF, "类型不允许上传"),
    ],
)
def test_wrong_files_are_refused_with_a_reason(cycle, draft, name, content, message):
    with pytest.raises(ValidationError, match=message):
        upload(cycle, draft, name, content)
    assert not Evidence.objects.exists()


def test_files_over_the_size_cap_are_refused(cycle, draft, settings):
    settings.UPLOAD_MAX_MB = 1
    with pytest.raises(ValidationError, match="超过 1 MB"):
        upload(cycle, draft, "大.pdf", PDF + b"\0" * (1024 * 1024))


def evidence_dir():
    return Path(settings.MEDIA_ROOT) / "evidence"


def test_files_are_stored_under_random_names_outside_static(cycle, draft):
    evidence = upload(cycle, draft, "../../etc/说明.pdf", PDF)
    stored = list(evidence_dir().iterdir())
    assert [f"evidence/{path.name}" for path in stored] == [evidence.stored_name]
    assert "说明" not in evidence.stored_name and "etc" not in evidence.stored_name
    assert evidence.original_name == "说明.pdf"
    assert stored[0].read_bytes() == PDF


def test_downloads_are_attachments_with_the_original_name(cycle, draft, login):
    evidence = upload(cycle, draft, "进展说明.pdf", PDF)
    response = login(Role.OFFICE).get(f"/progress/evidence/{evidence.pk}/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "%E8%BF%9B%E5%B1%95" in response["Content-Disposition"]  # 进展, RFC 5987
    assert response["Content-Type"] == "application/octet-stream"
    assert b"".join(response.streaming_content) == PDF


def test_the_upload_page_reports_a_refused_file(cycle, draft, login):
    client = login(Role.REPORTER)
    page = client.post(
        f"/progress/submissions/{draft.pk}/upload/",
        {"file": SimpleUploadedFile("伪装.pdf", b"MZ" + b"\0" * 50)},
        follow=True,
    ).content.decode()
    assert "内容与扩展名 .pdf 不符" in page
    client.post(f"/progress/submissions/{draft.pk}/upload/", {"file": pdf("好.pdf")})
    assert Evidence.objects.get().original_name == "好.pdf"


def test_a_removed_file_is_gone_from_disk(cycle, draft, django_capture_on_commit_callbacks):
    evidence = upload(cycle, draft, "说明.pdf", PDF)
    with django_capture_on_commit_callbacks(execute=True):
        actions.remove_evidence(cycle.users[Role.REPORTER], evidence.pk)
    assert list(evidence_dir().iterdir()) == []


def test_evidence_cannot_change_once_submitted(cycle, draft):
    actions.submit(cycle.users[Role.REPORTER], draft.pk)
    with pytest.raises(Exception, match="不能由您上传"):
        upload(cycle, draft, "说明.pdf", PDF)
