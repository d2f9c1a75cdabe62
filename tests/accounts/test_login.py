from django.urls import reverse

from kaohe.accounts.roles import Role
from tests.conftest import DEMO_TEST_PASSWORD, current_code, enrolled_authenticator


def post_login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_it_logs_in_with_the_right_password_and_lands_on_the_home_page(client, org):
    code = current_code(enrolled_authenticator(org.users[Role.OFFICE]))
    response = post_login(client, "u_office", DEMO_TEST_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    # 考核办 passes the second factor next (test_second_factor.py), then lands on the home page.
    client.post(reverse("accounts:second_factor"), {"code": code, "next": reverse("home")})
    assert "考核办工作台" in client.get(reverse("home")).content.decode()


def test_a_wrong_password_shows_a_chinese_error(client, org):
    page = post_login(client, "u_office", "wrong-password").content.decode()
    assert "请输入一个正确的用户名和密码" in page
    assert "账户已锁定" not in page


def test_the_sixth_attempt_is_refused_even_with_the_right_password(client, org):
    for _ in range(5):
        post_login(client, "u_reporter", "wrong-password")
    response = post_login(client, "u_reporter", DEMO_TEST_PASSWORD)
    assert response.status_code == 429
    assert "账户已锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_account_not_per_office_address(client, org):
    for _ in range(5):
        post_login(client, "u_reporter", "wrong-password")
    response = post_login(client, "u_assessor", DEMO_TEST_PASSWORD)
    assert response.status_code == 302


def test_a_security_admin_can_unlock_a_locked_account(client, org, login):
    for _ in range(5):
        post_login(client, "u_reporter", "wrong-password")
    admin = login(Role.SECURITY_ADMIN)
    admin.post(reverse("accounts:unlock", args=[org.users[Role.REPORTER].pk]))
    admin.logout()
    assert post_login(client, "u_reporter", DEMO_TEST_PASSWORD).status_code == 302


def test_logout_needs_a_post_and_ends_the_session(login):
    client = login(Role.OFFICE)
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_the_session_ends_after_thirty_idle_minutes(login, settings):
    client = login(Role.OFFICE)
    client.get(reverse("home"))
    assert client.session.get_expiry_age() == 30 * 60
    # Requests restart the idle clock (at most one session write a minute): tests in
    # test_idle_clock.py show the restart, the logout after 30 idle minutes, and no write per read.
    assert "kaohe.accounts.middleware.IdleClockMiddleware" in settings.MIDDLEWARE
