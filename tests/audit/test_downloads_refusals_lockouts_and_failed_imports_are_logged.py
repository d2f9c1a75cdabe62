"""What the audit log missed before: a file sent (an export, a template, evidence), a refusal
(403), an account locked after repeated failures, an import refused."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry


def latest(action):
    return AuditEntry.objects.filter(action=action).latest("seq")


def test_a_refused_page_is_logged_with_who_asked_and_from_where(login, org):
    client = login(Role.REPORTER)
    assert client.get(reverse("audit:entries"), REMOTE_ADDR="10.8.1.7").status_code == 403
    refused = latest(Action.ACCESS_DENIED)
    assert refused.actor == org.users[Role.REPORTER]
    assert refused.object_repr == reverse("audit:entries") and refused.ip == "10.8.1.7"
    assert refused.new == {"方法": "GET"}


def test_a_downloaded_file_is_logged_with_its_name(login, org):
    client = login(Role.SYSTEM_ADMIN)
    assert client.get(reverse("accounts:import_template")).status_code == 200
    download = latest(Action.FILE_DOWNLOADED)
    assert download.actor == org.users[Role.SYSTEM_ADMIN]
    assert download.new == {"文件": "单位和用户导入模板.xlsx"}


def test_an_account_locked_out_after_repeated_failures_is_logged(client, org, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "u_office", "password": "不对"})
    locked = latest(Action.ACCOUNT_LOCKED_OUT)
    assert locked.object_repr == "u_office"


def test_a_refused_import_is_logged_with_the_file_and_the_reason(login, org):
    client = login(Role.SYSTEM_ADMIN)
    upload = SimpleUploadedFile("名单.xlsx", b"not a workbook at all")
    client.post(reverse("accounts:import"), {"file": upload}, follow=True)
    failed = latest(Action.IMPORT_FAILED)
    assert failed.actor == org.users[Role.SYSTEM_ADMIN]
    assert "名单.xlsx" in failed.object_repr
    assert failed.new["结果"] == "导入失败，未保存任何数据"
    assert "xlsx" in failed.new["问题"][0]
