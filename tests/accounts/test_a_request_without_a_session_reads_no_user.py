"""A request that carries no session cookie (a phone's ballot, /healthz) has nobody signed in:
kaohe's session checks (second factor, password expiry, idle and absolute logout, no-store)
answer it without reading a session or a user. Signed-in requests are checked as before."""

from typing import Any

import pytest
from django.contrib.auth import middleware as auth_middleware
from django.urls import reverse

from kaohe.accounts.roles import Role
from tests.conftest import DEMO_TEST_PASSWORD


@pytest.fixture
def users_read(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Each time a request's user is read from its session."""
    read: list[Any] = []
    real_get_user = auth_middleware.get_user

    def counted(request: Any) -> Any:
        read.append(request.path)
        return real_get_user(request)

    monkeypatch.setattr(auth_middleware, "get_user", counted)
    return read


def test_a_request_without_a_session_cookie_reads_no_user(
    client: Any, db: Any, users_read: list[Any]
) -> None:
    response = client.get(reverse("healthz"))

    assert response.status_code == 200 and users_read == []
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_signed_in_request_is_still_read_and_says_no_store(
    login: Any, org: Any, users_read: list[Any]
) -> None:
    response = login(Role.REPORTER).get(reverse("healthz"))

    assert users_read and "no-store" in response["Cache-Control"]


def test_the_answer_that_signs_someone_in_says_no_store(client: Any, org: Any) -> None:
    response = client.post(
        reverse("login"), {"username": "u_reporter", "password": DEMO_TEST_PASSWORD}
    )

    assert response.status_code == 302 and "_auth_user_id" in client.session
    assert "no-store" in response["Cache-Control"]
