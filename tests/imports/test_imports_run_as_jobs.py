"""Issue 16: a bulk import held the write lock for its whole length, and the 5,000-user import
hashed 5,000 passwords in the request (16.5 minutes). An upload now returns at once with the
job's page; the job reads and checks every row first, then saves all of them in one short
transaction or none; the page shows its progress and then its outcome."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from kaohe.accounts import passwords
from kaohe.accounts.importing import UNIT_HEADERS, USER_HEADERS
from kaohe.accounts.models import User
from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry
from kaohe.cycles import importing
from kaohe.cycles.models import Cycle, Record
from kaohe.imports.jobs import run_import
from kaohe.imports.models import ImportJob
from kaohe.transfer.records import COLUMNS

AWARD = ["党建科", "3", "award", 1, None, "市级", None, None, None, None, "获市级表彰"]
ARTICLE = ["办公室", "3", "article", 2, None, "本级", None, None, None, None, "信息录用两篇"]


def workbook(sheets):
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("导入.xlsx", buffer.getvalue())


def records_upload(rows):
    return workbook({"考核记录": [COLUMNS, *rows]})


def users_upload(count):
    users = [(f"user{n}", f"用户{n}", "市教育局", "", "Shifan@2026x", "") for n in range(count)]
    return workbook({"单位": [UNIT_HEADERS], "用户": [USER_HEADERS, *users]})


@pytest.fixture
def queued(settings):
    """KAOHE_TASKS=worker as far as a request can tell: jobs are queued and not run."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def inspector(client, zhangjiagang):
    client.force_login(zhangjiagang.inspector)
    return client


def upload_records(client, zhangjiagang, rows):
    url = reverse("cycles:records_upload", args=[zhangjiagang.cycle.pk])
    return client.post(url, {"file": records_upload(rows)})


def stored_uploads(settings):
    folder = Path(settings.MEDIA_ROOT) / "imports"
    return list(folder.iterdir()) if folder.exists() else []


def test_the_upload_returns_at_once_and_the_page_shows_the_progress(
    inspector, zhangjiagang, queued, monkeypatch
):
    response = upload_records(inspector, zhangjiagang, [AWARD, ARTICLE])
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("imports:job", args=[job.pk])
    assert "排队中" in inspector.get(response["Location"]).content.decode()
    assert not Record.objects.exists()

    seen = []
    saving = importing.save_records

    def watched(*args):
        seen.append(inspector.get(reverse("imports:job", args=[job.pk])).content.decode())
        return saving(*args)

    monkeypatch.setattr(importing, "save_records", watched)
    run_import.call(job.pk)

    assert "正在保存" in seen[0] and "已读取 2 行，已校验 2 行" in seen[0]
    done = inspector.get(reverse("imports:job", args=[job.pk]), headers={"HX-Request": "true"})
    assert "已导入 2 条考核记录" in done.content.decode()
    assert "every 1s" not in done.content.decode()  # a finished job stops polling
    assert Record.objects.count() == 2


def test_each_imported_record_is_audited_and_the_file_is_kept_only_until_the_job_ends(
    inspector, zhangjiagang, settings
):
    page = upload_records(inspector, zhangjiagang, [AWARD, ARTICLE, AWARD])
    assert page.status_code == 302
    added = AuditEntry.objects.filter(action=Action.RECORD_ADDED)
    assert sorted(int(entry.object_id) for entry in added) == sorted(
        Record.objects.values_list("pk", flat=True)
    )
    assert {entry.actor for entry in added} == {zhangjiagang.inspector}
    assert stored_uploads(settings) == []


def test_a_bad_row_saves_nothing_and_the_page_names_its_row_and_column(
    inspector, zhangjiagang, settings
):
    bad = ["党建科", "3", "award", -3, None, "市级", None, None, None, None, ""]
    response = upload_records(inspector, zhangjiagang, [AWARD, bad, ARTICLE])
    page = inspector.get(response["Location"]).content.decode()
    assert "导入失败，未保存任何记录" in page
    assert "第 3 行「次数」列：不能为负数或零（填写的是 -3）" in page
    assert not Record.objects.exists()
    assert not AuditEntry.objects.filter(action=Action.RECORD_ADDED).exists()
    assert stored_uploads(settings) == []


def test_a_cycle_locked_while_the_rows_were_checked_saves_nothing(
    inspector, zhangjiagang, monkeypatch
):
    checking = importing.checked_rows

    def then_locked(*args):
        rows = checking(*args)
        Cycle.objects.filter(pk=zhangjiagang.cycle.pk).update(status="locked")
        return rows

    monkeypatch.setattr(importing, "checked_rows", then_locked)
    response = upload_records(inspector, zhangjiagang, [AWARD, ARTICLE])
    page = inspector.get(response["Location"]).content.decode()
    assert "导入失败，未保存任何记录" in page and "记录不可再修改" in page
    assert not Record.objects.exists()


def test_only_the_person_who_started_an_import_sees_it(inspector, zhangjiagang, client):
    response = upload_records(inspector, zhangjiagang, [AWARD])
    client.force_login(zhangjiagang.office)
    assert client.get(response["Location"]).status_code == 404


def test_the_user_import_hashes_no_password_in_the_request(login, org, queued, monkeypatch):
    hashed = []
    hash_one = passwords.make_password
    monkeypatch.setattr(passwords, "make_password", lambda raw: hashed.append(raw) or hash_one(raw))
    admin = login(Role.SYSTEM_ADMIN)

    response = admin.post(reverse("accounts:import"), {"file": users_upload(30)})

    assert response.status_code == 302 and hashed == []
    assert not User.objects.filter(username__startswith="user").exists()
    job = ImportJob.objects.get()
    run_import.call(job.pk)
    assert len(hashed) == 30
    page = admin.get(response["Location"]).content.decode()
    assert "新增用户 30 个" in page
    imported = User.objects.get(username="user7")
    assert imported.check_password("Shifan@2026x") and imported.roles == set()  # 三员分立
    ids = [
        str(pk)
        for pk in User.objects.filter(username__startswith="user").values_list("pk", flat=True)
    ]
    assert AuditEntry.objects.filter(action=Action.USER_CREATED, object_id__in=ids).count() == 30
    assert not AuditEntry.objects.filter(action=Action.ROLE_GRANTED, object_id__in=ids).exists()


def test_an_imported_password_must_be_changed_at_first_login(login, org, client):
    login(Role.SYSTEM_ADMIN).post(reverse("accounts:import"), {"file": users_upload(1)})
    client.force_login(User.objects.get(username="user0"))
    response = client.get(reverse("home"), follow=True)
    assert "初始密码由管理员设置，仅限首次登录使用，请先修改密码" in response.content.decode()
    client.post(
        reverse("password_change"),
        {
            "old_password": "Shifan@2026x",
            "new_password1": "Lanmei#2027",
            "new_password2": "Lanmei#2027",
        },
    )
    assert not User.objects.get(username="user0").must_change_password
    assert client.get(reverse("home")).status_code == 200
