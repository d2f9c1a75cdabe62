import pytest
from django.urls import reverse

from kaohe.accounts import actions
from kaohe.accounts.roles import Role
from kaohe.audit.log import log_change
from kaohe.audit.models import Action, AuditEntry


def test_an_entry_records_who_what_old_new_and_the_source_address(login, org):
    client = login(Role.SECURITY_ADMIN)
    target = org.users[Role.REPORTER]
    client.post(
        reverse("accounts:change_role", args=[target.pk]),
        {"role": Role.EVALUATOR, "grant": "1"},
        REMOTE_ADDR="10.8.1.23",
    )
    granted = AuditEntry.objects.filter(action=Action.ROLE_GRANTED, object_id=str(target.pk))
    entry = granted.latest("id")
    assert entry.actor == org.users[Role.SECURITY_ADMIN]
    assert entry.ip == "10.8.1.23"
    assert entry.old == ["reporter"] and entry.new == ["evaluator", "reporter"]
    assert entry.object_type == "用户"


def test_logins_and_failed_logins_are_audited(client, org):
    client.post(reverse("login"), {"username": "u_office", "password": "nope"})
    assert AuditEntry.objects.filter(action=Action.LOGIN_FAILED, object_repr="u_office").exists()


def test_only_the_audit_admin_reads_the_log(login):
    for role in Role:
        status = login(role).get(reverse("audit:entries")).status_code
        assert status == (200 if role == Role.AUDIT_ADMIN else 403), role


def test_the_log_page_lists_and_filters_entries(login, org):
    actions.grant_role(org.users[Role.SECURITY_ADMIN], org.users[Role.REPORTER], Role.EVALUATOR)
    page = login(Role.AUDIT_ADMIN).get(reverse("audit:entries"), {"action": "授予角色"})
    text = page.content.decode()
    assert "授予角色" in text
    assert "新建单位" not in text


def test_an_entry_cannot_be_changed_or_deleted(db):
    entry = log_change(None, Action.REMINDERS_SENT, target_label="对象")
    entry.action = Action.RECORD_DELETED
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.update(action=Action.RECORD_DELETED)
    assert AuditEntry.objects.get(pk=entry.pk).action == Action.REMINDERS_SENT


def test_the_log_page_offers_no_way_to_edit(login, org):
    page = login(Role.AUDIT_ADMIN).get(reverse("audit:entries")).content.decode()
    assert '<form method="post"' not in page.split("<main", 1)[1]
