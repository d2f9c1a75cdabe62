"""Two-factor login (issue 15, item 2): the administrators and 考核办 pass a TOTP code (or a
recovery code, once) after their password before any page; others may choose to; the office's
setting makes it everyone's; only the 安全管理员 resets it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kaohe.accounts.roles import SECOND_FACTOR_ROLES, Role
from kaohe.audit.models import Action, AuditEntry
from tests.conftest import DEMO_TEST_PASSWORD, current_code, enrolled_authenticator

PAGES = ("home", "audit:entries", "accounts:users", "results:cycles", "password_change")


def log_in_with_password(client, user):
    response = client.post(
        reverse("login"), {"username": user.username, "password": DEMO_TEST_PASSWORD}
    )
    assert response.status_code == 302, "the password step itself succeeds"
    return client


def enrol_on_the_pages(client):
    """Scans the QR code (reads the pending authenticator's secret) and types its first code."""
    page = client.get(reverse("accounts:enrol_second_factor")).content.decode()
    assert "<svg" in page
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(reverse("accounts:enrol_second_factor"), {"code": current_code(device)})
    return response.context["codes"]


@pytest.mark.parametrize("role", sorted(SECOND_FACTOR_ROLES))
def test_a_password_alone_opens_no_page_for_a_role_that_needs_the_second_factor(client, org, role):
    log_in_with_password(client, org.users[role])
    for name in PAGES:
        response = client.get(reverse(name))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("accounts:second_factor")), name


def test_a_valid_totp_code_opens_the_pages(client, org):
    device = enrolled_authenticator(org.users[Role.AUDIT_ADMIN])
    log_in_with_password(client, org.users[Role.AUDIT_ADMIN])
    response = client.post(reverse("accounts:second_factor"), {"code": current_code(device)})
    assert response.status_code == 302
    assert client.get(reverse("audit:entries")).status_code == 200


def test_a_wrong_code_is_refused_in_chinese(client, org):
    enrolled_authenticator(org.users[Role.OFFICE])
    log_in_with_password(client, org.users[Role.OFFICE])
    response = client.post(reverse("accounts:second_factor"), {"code": "000000"})
    assert "验证码错误" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_a_first_login_enrols_with_a_qr_code_and_no_outside_asset(client, org):
    log_in_with_password(client, org.users[Role.OFFICE])
    assert client.get(reverse("accounts:second_factor"))["Location"] == reverse(
        "accounts:enrol_second_factor"
    )
    page = client.get(reverse("accounts:enrol_second_factor")).content.decode()
    assert "<svg" in page and "http://" not in page and "https://" not in page
    codes = enrol_on_the_pages(client)
    assert len(codes) == 10
    assert "考核办工作台" in client.get(reverse("home")).content.decode()
    assert AuditEntry.objects.filter(action=Action.SECOND_FACTOR_ENROLLED).exists()


def test_a_recovery_code_works_once(client, org):
    office = org.users[Role.OFFICE]
    log_in_with_password(client, office)
    code = enrol_on_the_pages(client)[3]
    client.post(reverse("logout"))

    log_in_with_password(client, office)
    client.post(reverse("accounts:second_factor"), {"code": code})
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("logout"))

    log_in_with_password(client, office)
    response = client.post(reverse("accounts:second_factor"), {"code": code})
    assert "验证码错误" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302
    assert StaticToken.objects.filter(device__user=office).count() == 9


def test_other_roles_may_log_in_without_it(client, org):
    log_in_with_password(client, org.users[Role.REPORTER])
    assert client.get(reverse("home")).status_code == 200


def test_whoever_enrolled_by_choice_must_then_pass_it(client, org):
    enrolled_authenticator(org.users[Role.REPORTER])
    log_in_with_password(client, org.users[Role.REPORTER])
    assert client.get(reverse("home")).status_code == 302


def test_the_offices_setting_makes_it_everyones(client, org, settings):
    settings.SECOND_FACTOR_FOR_ALL = True
    log_in_with_password(client, org.users[Role.REPORTER])
    assert client.get(reverse("home"))["Location"].startswith(reverse("accounts:second_factor"))


def test_the_security_admin_resets_it_and_the_reset_is_audited(login, org):
    office = org.users[Role.OFFICE]
    enrolled_authenticator(office)
    login(Role.SECURITY_ADMIN).post(reverse("accounts:reset_second_factor", args=[office.pk]))
    assert not TOTPDevice.objects.filter(user=office).exists()
    entry = AuditEntry.objects.filter(action=Action.SECOND_FACTOR_RESET).latest("id")
    assert entry.actor == org.users[Role.SECURITY_ADMIN]
    assert entry.object_id == str(office.pk)


@pytest.mark.parametrize("role", [Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN, Role.OFFICE])
def test_nobody_else_resets_it(login, org, role):
    office = org.users[Role.SECURITY_ADMIN]
    enrolled_authenticator(office)
    response = login(role).post(reverse("accounts:reset_second_factor", args=[office.pk]))
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=office).exists()


def test_the_security_admin_cannot_reset_its_own(login, org):
    security = org.users[Role.SECURITY_ADMIN]
    client = login(Role.SECURITY_ADMIN)
    response = client.post(reverse("accounts:reset_second_factor", args=[security.pk]))
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=security).exists()


def test_the_account_lockout_still_holds_before_the_second_factor(client, org):
    office = org.users[Role.OFFICE]
    for _ in range(5):
        client.post(reverse("login"), {"username": office.username, "password": "wrong"})
    response = client.post(
        reverse("login"), {"username": office.username, "password": DEMO_TEST_PASSWORD}
    )
    assert response.status_code == 429
    assert client.get(reverse("accounts:second_factor")).status_code == 302
    assert client.get(reverse("accounts:second_factor"))["Location"].startswith(reverse("login"))
