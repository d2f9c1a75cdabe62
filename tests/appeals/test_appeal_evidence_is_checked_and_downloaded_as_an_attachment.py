from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kaohe.appeals.models import Appeal, AppealEvidence
from tests.appeals.helpers import PDF


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def post(client: Any, published: Any, *files: Any) -> str:
    unit = published.units["党建科"]
    client.force_login(published.reporter)
    response = client.post(
        reverse("appeals:new", args=[published.cycle.pk, unit.pk]),
        {"target": f"r{published.lateness.pk}", "reason": "有请假条", "files": list(files)},
        follow=True,
    )
    return response.content.decode()


def test_a_pdf_is_stored_under_a_random_name_and_downloaded_as_an_attachment(
    published: Any, client: Any, media: Path
) -> None:
    post(client, published, SimpleUploadedFile("请假条.pdf", PDF, "application/pdf"))

    evidence = AppealEvidence.objects.get()
    assert "请假条" not in evidence.stored_name and evidence.stored_name.endswith(".pdf")
    assert (media / evidence.stored_name).read_bytes() == PDF
    response = client.get(reverse("appeals:evidence", args=[evidence.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("请假条.exe", b"MZ\x90\x00", "类型不允许上传"),
        ("请假条.pdf", b"<html><script>alert(1)</script>", "内容与扩展名 .pdf 不符"),
        ("照片.png", b"\xff\xd8\xff\xe0JFIF", "内容与扩展名 .png 不符"),
    ],
)
def test_a_file_whose_type_or_content_is_wrong_is_refused_and_nothing_is_saved(
    published: Any, client: Any, name: str, content: bytes, problem: str
) -> None:
    page = post(client, published, SimpleUploadedFile(name, content))

    assert problem in page
    assert not Appeal.objects.exists() and not AppealEvidence.objects.exists()


def test_a_file_over_the_size_limit_is_refused(published: Any, client: Any, settings: Any) -> None:
    settings.UPLOAD_MAX_MB = 1
    big = PDF + b"0" * (1024 * 1024)

    page = post(client, published, SimpleUploadedFile("大.pdf", big))

    assert "超过 1 MB" in page
    assert not Appeal.objects.exists()


def test_only_the_unit_and_the_deciders_may_download(published: Any, client: Any) -> None:
    post(client, published, SimpleUploadedFile("请假条.pdf", PDF))
    url = reverse("appeals:evidence", args=[AppealEvidence.objects.get().pk])

    for user, status in [
        (published.office, 200),
        (published.party_leader, 200),
        (published.other_reporter, 403),
        (published.inspector, 403),  # 督查科 does not assess 人员管理情况
        (published.outsider, 403),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == status, user


def test_the_audit_entry_names_the_files_and_their_hashes(published: Any, client: Any) -> None:
    import hashlib

    from kaohe.audit.models import Action, AuditEntry

    post(client, published, SimpleUploadedFile("请假条.pdf", PDF))

    entry = AuditEntry.objects.get(action=Action.APPEAL_FILED)
    assert entry.new["材料"] == [f"请假条.pdf（SHA-256 {hashlib.sha256(PDF).hexdigest()}）"]
