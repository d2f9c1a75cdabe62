"""三员分立 as 等保 2.0 means it (issue 15, item 1): the 系统管理员 keeps units and accounts but
grants no role and never chooses a usable password; the 安全管理员 alone grants roles, never to
itself; an administrator role sits alone on its account; no administrator acts on another
administrator role's holder."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kaohe.accounts import actions
from kaohe.accounts.models import RoleGrant, User
from kaohe.accounts.roles import ADMINISTRATOR_ROLES, Role
from kaohe.audit.models import Action, AuditEntry

BUSINESS_ROLES = sorted(set(Role) - ADMINISTRATOR_ROLES)


def new_user_form(**fields):
    return {"username": "new_one", "full_name": "新人", **fields}


def test_the_system_admin_creates_an_account_with_no_role_and_a_one_time_password(login, org):
    client = login(Role.SYSTEM_ADMIN)
    response = client.post(
        reverse("accounts:new_user"),
        new_user_form(unit=org.office.pk, roles=[Role.AUDIT_ADMIN], password="Chosen#2026a"),
    )
    person = User.objects.get(username="new_one")
    assert person.roles == set()
    assert not person.check_password("Chosen#2026a")
    shown = response.context["password"]
    assert shown in response.content.decode()
    assert person.check_password(shown)
    assert person.must_change_password


def test_a_one_time_password_leads_only_to_the_password_change(client, login, org):
    response = login(Role.SYSTEM_ADMIN).post(
        reverse("accounts:new_user"), new_user_form(unit=org.department.pk)
    )
    password = response.context["password"]
    client.logout()
    client.post(reverse("login"), {"username": "new_one", "password": password})
    for page in (reverse("home"), reverse("audit:entries"), reverse("results:cycles")):
        landing = client.get(page)
        assert landing.status_code == 302
        assert landing["Location"].startswith(reverse("password_change"))


def test_the_system_admin_resets_a_password_to_a_one_time_password_shown_once(login, org):
    reporter = org.users[Role.REPORTER]
    response = login(Role.SYSTEM_ADMIN).post(reverse("accounts:reset_password", args=[reporter.pk]))
    reporter.refresh_from_db()
    assert reporter.check_password(response.context["password"])
    assert reporter.must_change_password
    entry = AuditEntry.objects.filter(action=Action.PASSWORD_RESET).latest("id")
    assert entry.actor == org.users[Role.SYSTEM_ADMIN]
    assert response.context["password"] not in str(entry.new)


@pytest.mark.parametrize("holder", [Role.SECURITY_ADMIN, Role.AUDIT_ADMIN])
def test_the_system_admin_cannot_reset_another_administrators_password(login, org, holder):
    target = org.users[holder]
    response = login(Role.SYSTEM_ADMIN).post(reverse("accounts:reset_password", args=[target.pk]))
    assert response.status_code == 403
    target.refresh_from_db()
    assert not target.must_change_password


@pytest.mark.parametrize("role", [Role.AUDIT_ADMIN, Role.SECURITY_ADMIN, Role.OFFICE])
def test_the_system_admin_grants_no_role(login, org, role):
    system_admin = org.users[Role.SYSTEM_ADMIN]
    target = org.users[Role.EVALUATOR]
    with pytest.raises(PermissionDenied):
        actions.grant_role(system_admin, target, role)
    response = login(Role.SYSTEM_ADMIN).post(
        reverse("accounts:change_role", args=[target.pk]), {"role": role, "grant": "1"}
    )
    assert response.status_code == 403
    assert target.roles == {Role.EVALUATOR}


def test_the_security_admin_cannot_grant_itself_a_role(login, org):
    security = org.users[Role.SECURITY_ADMIN]
    with pytest.raises(PermissionDenied):
        actions.grant_role(security, security, Role.OFFICE)
    login(Role.SECURITY_ADMIN).post(
        reverse("accounts:change_role", args=[security.pk]), {"role": Role.OFFICE, "grant": "1"}
    )
    assert security.roles == {Role.SECURITY_ADMIN}


@pytest.mark.parametrize("administrator", sorted(ADMINISTRATOR_ROLES))
@pytest.mark.parametrize("business", BUSINESS_ROLES)
def test_an_administrator_role_never_sits_beside_a_business_role(org, administrator, business):
    admin, worker = org.users[administrator], org.users[business]
    security = org.users[Role.SECURITY_ADMIN]
    for user, role in ((admin, business), (worker, administrator)):
        with pytest.raises(ValidationError, match="三员分立"):
            actions.grant_role(None if user == security else security, user, role)
        with pytest.raises(ValidationError, match="三员分立"):
            RoleGrant.objects.create(user=user, role=role)  # a shell, with no page or action
    assert admin.roles == {administrator}
    assert worker.roles == {business}


def test_the_page_refuses_an_administrator_role_for_a_business_user(login, org):
    target = org.users[Role.OFFICE]
    response = login(Role.SECURITY_ADMIN).post(
        reverse("accounts:change_role", args=[target.pk]),
        {"role": Role.AUDIT_ADMIN, "grant": "1"},
        follow=True,
    )
    assert "三员分立" in response.content.decode()
    assert target.roles == {Role.OFFICE}


@pytest.mark.parametrize("holder", [Role.SECURITY_ADMIN, Role.AUDIT_ADMIN])
def test_the_system_admin_cannot_disable_another_administrator(login, org, holder):
    target = org.users[holder]
    response = login(Role.SYSTEM_ADMIN).post(
        reverse("accounts:set_active", args=[target.pk]), {"active": "0"}, follow=True
    )
    target.refresh_from_db()
    assert target.is_active
    assert "三员分立" in response.content.decode()
    with pytest.raises(PermissionDenied):
        actions.set_user_active(org.users[Role.SYSTEM_ADMIN], target, False)


def test_the_system_admin_still_disables_a_business_account(login, org):
    target = org.users[Role.OFFICE]
    login(Role.SYSTEM_ADMIN).post(reverse("accounts:set_active", args=[target.pk]), {"active": "0"})
    target.refresh_from_db()
    assert not target.is_active
