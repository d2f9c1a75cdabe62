"""The backup drill: back up a cycle with records and evidence, wipe the installation, restore,
and find the same evidence checksums, the same ranking and the evidence downloadable. Runs on
SQLite, and on PostgreSQL when DATABASE_URL names one (pg_dump / pg_restore)."""

import io
import shutil
import tarfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from kaohe.backup.archive import unpack_checked
from kaohe.cli import main as kaohe
from kaohe.cycles import actions
from kaohe.cycles.evidence import attach_evidence
from kaohe.cycles.models import RecordEvidence

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def filled(transactional_db, zhangjiagang, django_capture_on_commit_callbacks):
    """张家港 with a deduction, and an award whose evidence (a PDF) was uploaded."""
    with django_capture_on_commit_callbacks(execute=True):
        actions.add_record(
            zhangjiagang.office,
            zhangjiagang.units["督查科"],
            indicator="1.2",
            rule="st1",
            count=Decimal(2),
            note="迟到两人次",
        )
        award = actions.add_record(
            zhangjiagang.inspector,
            zhangjiagang.units["党建科"],
            indicator="3",
            rule="award",
            count=Decimal(1),
            level="市级",
            note="获市级表彰",
        )
        attach_evidence(zhangjiagang.inspector, award, SimpleUploadedFile("表彰.pdf", PDF))
    return zhangjiagang


def ranking(client, found):
    client.force_login(found.office)
    page = client.get(reverse("results:ranking", args=[found.cycle.pk])).content.decode()
    return page[page.index("<tbody>") : page.index("</tbody>")]


def evidence_download(client, found):
    evidence = RecordEvidence.objects.get(original_name="表彰.pdf")
    client.force_login(found.reporter)
    response = client.get(reverse("cycles:record_evidence", args=[evidence.pk]))
    return b"".join(response.streaming_content)


def media_checksums(manifest):
    return {name: sha for name, sha in manifest.checksums.items() if name.startswith("media/")}


def wipe():
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)


def back_up(folder, name="backup.tar.gz"):
    archive = Path(folder) / name
    call_command("backup", output=str(archive), stdout=io.StringIO())
    return archive


def test_a_wiped_installation_comes_back_from_its_backup(filled, client, tmp_path):
    before = ranking(client, filled)
    assert "党建科" in before
    archive = back_up(tmp_path)
    manifest = unpack_checked(archive, tmp_path / "look")
    assert len(media_checksums(manifest)) == 1

    wipe()
    assert not RecordEvidence.objects.exists()
    call_command("restore", str(archive), stdout=io.StringIO())

    assert ranking(client, filled) == before
    assert evidence_download(client, filled) == PDF
    again = unpack_checked(back_up(tmp_path, "again.tar.gz"), tmp_path / "again")
    assert media_checksums(again) == media_checksums(manifest)


def altered(archive, folder):
    """The archive with the evidence file's content changed and everything else as it was."""
    copy = Path(folder) / "altered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(copy, "w:gz") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name.startswith("media/"):
                content = content.replace(b"%%EOF", b"%%EOF tampered")
                member.size = len(content)
            target.addfile(member, io.BytesIO(content))
    return copy


def test_an_archive_whose_checksums_fail_is_refused_and_nothing_is_restored(filled, tmp_path):
    tampered = altered(back_up(tmp_path), tmp_path)
    wipe()

    with pytest.raises(CommandError, match=r"校验失败.*media/records/"):
        call_command("restore", str(tampered), stdout=io.StringIO())

    assert not RecordEvidence.objects.exists()
    assert not Path(settings.MEDIA_ROOT).exists()


def test_a_restore_over_existing_data_needs_the_overwrite_flag(filled, client, tmp_path):
    archive = back_up(tmp_path)
    before = ranking(client, filled)

    with pytest.raises(CommandError, match=r"已有数据.*--overwrite"):
        call_command("restore", str(archive), stdout=io.StringIO())
    call_command("restore", str(archive), overwrite=True, stdout=io.StringIO())

    assert ranking(client, filled) == before
    assert evidence_download(client, filled) == PDF


def test_kaohe_restore_says_in_chinese_why_it_refuses(filled, tmp_path, capsys):
    tampered = altered(back_up(tmp_path), tmp_path)

    status = kaohe(["restore", str(tampered), "--overwrite"])

    assert status == 2
    assert "备份文件校验失败，不予恢复" in capsys.readouterr().err
