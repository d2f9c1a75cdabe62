"""Passwords and sessions (issue 15, item 6): no password holding a name or a guessable pattern,
none of the last five again; a session ends 12 hours after login however busy; nothing a
signed-in user sees is cached; an address that sprays many names is throttled, an office behind
one NAT address is not."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from kaohe.accounts.middleware import LOGGED_IN_AT_KEY
from kaohe.accounts.roles import Role
from tests.conftest import DEMO_TEST_PASSWORD, new_person


@pytest.mark.parametrize(
    "password",
    ["Kaohe2026", "KAOHE@2026x", "考核Ab2026!", "Ab#2026_u_reporter", "Ab#2026_U_Reporter"],
)
def test_a_password_holding_the_user_or_product_name_is_refused(org, password):
    with pytest.raises(ValidationError) as error:
        validate_password(password, org.users[Role.REPORTER])
    assert "用户名、姓名或系统名称" in " ".join(error.value.messages)


@pytest.mark.parametrize(
    "password", ["Xy#1234abcz", "Abcd#2026mz", "Qwer#2026mz", "Zz#2026aaaa", "P@ssw0rd#2026"]
)
def test_a_password_with_a_common_pattern_is_refused(db, password):
    with pytest.raises(ValidationError) as error:
        validate_password(password)
    assert "容易被猜到的组合" in " ".join(error.value.messages)


def test_the_current_password_cannot_be_set_again(login, org):
    client = login(Role.REPORTER)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": DEMO_TEST_PASSWORD,
            "new_password1": DEMO_TEST_PASSWORD,
            "new_password2": DEMO_TEST_PASSWORD,
        },
    )
    assert "最近 5 次使用过的密码" in response.content.decode()


def test_none_of_the_last_five_passwords_comes_back_but_the_sixth_may(org):
    user = org.users[Role.REPORTER]
    chosen = [f"Minjiang#{year}x" for year in range(2031, 2036)]
    for password in chosen:
        validate_password(password, user)
        user.set_password(password)
        user.save()
    for password in chosen:
        with pytest.raises(ValidationError):
            validate_password(password, user)
    user.set_password("Minjiang#2040x")
    user.save()
    validate_password(chosen[0], user)  # now six passwords ago
    assert user.password_history.count() == 5


def test_a_busy_session_ends_twelve_hours_after_login(login, org):
    client = login(Role.REPORTER)
    assert client.get(reverse("home")).status_code == 200
    session = client.session
    session[LOGGED_IN_AT_KEY] = int(time.time()) - 12 * 3600 - 60
    session.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert client.get(reverse("home")).status_code == 302  # logged out for good


def test_a_session_is_fine_within_its_twelve_hours(login, org):
    client = login(Role.REPORTER)
    session = client.session
    session[LOGGED_IN_AT_KEY] = int(time.time()) - 11 * 3600
    session.save()
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.parametrize(
    ("role", "page"),
    [
        (Role.REPORTER, "home"),
        (Role.AUDIT_ADMIN, "audit:entries"),
        (Role.SECURITY_ADMIN, "accounts:users"),
        (Role.SYSTEM_ADMIN, "accounts:import_template"),
        (Role.OFFICE, "results:cycles"),
    ],
)
def test_every_signed_in_response_says_no_store(login, org, role, page):
    response = login(role).get(reverse(page))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def post_login(client, username, password, address="10.1.2.3"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_spraying_forty_names_from_one_address_is_throttled(client, org):
    for number in range(40):
        post_login(client, f"sprayed{number}", "Guess#2026x")
    response = post_login(client, "u_reporter", DEMO_TEST_PASSWORD)
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()
    assert post_login(client, "u_reporter", DEMO_TEST_PASSWORD, "10.9.9.9").status_code == 302


def test_an_office_behind_one_address_stays_usable(client, org):
    """Twelve colleagues behind one NAT address each mistype twice, then all log in."""
    colleagues = [new_person(f"colleague{n}", org.department, Role.REPORTER) for n in range(12)]
    for person in colleagues:
        for _ in range(2):
            post_login(client, person.username, "Typo#2026x")
    for person in colleagues:
        assert post_login(client, person.username, DEMO_TEST_PASSWORD).status_code == 302
        client.post(reverse("logout"))
