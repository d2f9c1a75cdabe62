"""Shared fixtures: a small organisation with one user per role, and the browser switch.

Set KAOHE_DB_TESTS_ONLY=1 to run only the tests that touch the database (the PostgreSQL pass);
set KAOHE_REQUIRE_BROWSER=1 to make a missing Chromium a failure instead of a skip (CI).
"""

from __future__ import annotations

import os
from typing import Any

import pytest

DEMO_TEST_PASSWORD = "Kaohe@2026!"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("KAOHE_DB_TESTS_ONLY") != "1":
        return
    selected, deselected = [], []
    for item in items:
        uses_db = item.get_closest_marker("django_db") or "django_db_setup" in getattr(
            item, "fixturenames", ()
        )
        (selected if uses_db else deselected).append(item)
    config.hook.pytest_deselected(items=deselected)
    items[:] = selected


@pytest.fixture(autouse=True)
def fast_password_hashing(request: pytest.FixtureRequest) -> None:
    """Argon2 is slow by design; tests that create users hash with MD5 instead."""
    if "django_db_setup" in request.fixturenames:
        settings = request.getfixturevalue("settings")
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def org(db: Any) -> Any:
    """示范市 with its office, one department with a section, and a user for every role."""
    from kaohe.accounts import actions
    from kaohe.accounts.models import Unit
    from kaohe.accounts.roles import Role

    class Org:
        pass

    found = Org()
    found.city = actions.create_unit(None, name="示范市", kind=Unit.Kind.REGION)
    found.office = actions.create_unit(
        None, name="考核办", parent=found.city, kind=Unit.Kind.OFFICE
    )
    found.department = actions.create_unit(
        None, name="市财政局", parent=found.city, categories=["行政机关"]
    )
    found.section = actions.create_unit(
        None, name="办公室", parent=found.department, kind=Unit.Kind.SECTION
    )
    found.other_department = actions.create_unit(None, name="市教育局", parent=found.city)
    found.users = {}
    for role in Role:
        unit = (
            found.office
            if role in {Role.OFFICE, Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN}
            else found.department
        )
        found.users[role] = actions.create_user(
            None,
            username=f"u_{role.value}",
            password=DEMO_TEST_PASSWORD,
            full_name=f"{role.label}甲",
            unit=unit,
            roles=[role],
        )
    return found


@pytest.fixture
def login(client: Any, org: Any) -> Any:
    """login(role) → the test client, logged in as that role's user."""

    def log_in(role: str) -> Any:
        client.force_login(org.users[role])
        return client

    return log_in
