"""Shared fixtures: a small organisation with one user per role, and the browser switch.

Set KAOHE_DB_TESTS_ONLY=1 to run only the tests that touch the database (the PostgreSQL pass);
set KAOHE_REQUIRE_BROWSER=1 to make a missing Chromium a failure instead of a skip (CI).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

DEMO_TEST_PASSWORD = "Shifan@2026!"

CHROMIUM = Path(os.environ.get("KAOHE_CHROMIUM", "/usr/bin/chromium"))
# The closed network refuses Chromium's background calls; these flags keep it quiet and offline.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = f"找不到 Chromium：{CHROMIUM}"
        if os.environ.get("KAOHE_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, transactional_db: Any) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 800})
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


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


@pytest.fixture(autouse=True, scope="session")
def flush_may_empty_the_audit_log() -> Iterator[None]:
    """Between transactional tests Django empties every table (flush). The audit log's triggers
    refuse that to anyone else, so the tests' flush runs inside the removal permit."""
    from django.db.backends.base.operations import BaseDatabaseOperations

    from kaohe.audit.guard import removal_permitted

    original = BaseDatabaseOperations.execute_sql_flush

    def execute_sql_flush(self: Any, sql_list: list[str]) -> None:
        with removal_permitted(self.connection):
            original(self, sql_list)

    BaseDatabaseOperations.execute_sql_flush = execute_sql_flush  # type: ignore[method-assign]
    yield
    BaseDatabaseOperations.execute_sql_flush = original  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def fast_password_hashing(request: pytest.FixtureRequest) -> None:
    """Argon2 is slow by design; tests that create users hash with MD5 instead."""
    if "django_db_setup" in request.fixturenames:
        settings = request.getfixturevalue("settings")
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
        # Uploaded evidence lands in a folder of the test's own, never in var/media.
        settings.MEDIA_ROOT = str(request.getfixturevalue("tmp_path") / "media")


def pass_second_factor(client: Any, user: Any) -> None:
    """Marks the client's session as past the second factor (django-otp) with the user's
    authenticator, enrolled here if need be. Tests of the second factor itself log in through
    the pages and compute the code (tests/accounts/test_second_factor.py)."""
    from django_otp import DEVICE_ID_SESSION_KEY

    session = client.session
    session[DEVICE_ID_SESSION_KEY] = enrolled_authenticator(user).persistent_id
    session.save()


def enrolled_authenticator(user: Any) -> Any:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="测试验证器", confirmed=True)


def current_code(device: Any) -> str:
    """The code the user's authenticator app shows now (RFC 6238, as the app computes it);
    the device forgets the last code it took, so that a test may log in twice a minute."""
    from django_otp.oath import TOTP

    device.last_t = -1
    device.save(update_fields=["last_t"])
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


@pytest.fixture(autouse=True)
def forced_logins_pass_the_second_factor(monkeypatch: pytest.MonkeyPatch) -> None:
    """``client.force_login`` skips the password; here it skips the second factor the same way,
    for users who must pass one. The middleware still asks every other session for it."""
    from django.test import Client

    from kaohe.accounts.second_factor import second_factor_required

    force_login = Client.force_login

    def force_login_past_the_second_factor(client: Any, user: Any, backend: Any = None) -> None:
        force_login(client, user, backend)
        if second_factor_required(user):
            pass_second_factor(client, user)

    monkeypatch.setattr(Client, "force_login", force_login_past_the_second_factor)


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


def new_person(username: str, unit: Any, role: str) -> Any:
    """A user holding one role in ``unit``, who logs in as ``username`` with the test password."""
    from kaohe.accounts import actions

    return actions.create_user(
        None,
        username=username,
        password=DEMO_TEST_PASSWORD,
        full_name=username,
        unit=unit,
        roles=[role],
    )


@pytest.fixture
def zhangjiagang_bureau(db: Any) -> Any:
    """张家港 (seed 004): the 行政审批局 with its six sections, its people and the built-in
    scheme, before any cycle is opened."""
    from kaohe.accounts import actions
    from kaohe.accounts.models import Unit
    from kaohe.accounts.roles import Role
    from kaohe.schemes.actions import install_builtin_schemes
    from kaohe.schemes.models import SchemeVersion

    class Bureau:
        pass

    found = Bureau()
    install_builtin_schemes()
    city = actions.create_unit(None, name="张家港市", kind=Unit.Kind.REGION)
    found.office_unit = actions.create_unit(None, name="考核办", parent=city, kind=Unit.Kind.OFFICE)
    found.bureau = actions.create_unit(None, name="市行政审批局", parent=city)
    found.sections = {
        name: actions.create_unit(None, name=name, parent=found.bureau, kind=Unit.Kind.SECTION)
        for name in ("办公室", "党建科", "督查科", "审批协调科", "人事教育科", "咨询指导科")
    }
    found.outsider_unit = actions.create_unit(None, name="市财政局", parent=city)

    found.person = new_person
    found.office = new_person("zjg_office", found.office_unit, Role.OFFICE)
    found.inspector = new_person("zjg_duchake", found.sections["督查科"], Role.ASSESSOR)
    found.general_office = new_person("zjg_bgs", found.sections["办公室"], Role.ASSESSOR)
    found.reporter = new_person("zjg_tb", found.sections["党建科"], Role.REPORTER)
    found.outsider = new_person("zjg_outsider", found.outsider_unit, Role.REPORTER)
    found.version = SchemeVersion.objects.get(scheme__slug="zhangjiagang-sections", number=1)
    return found


@pytest.fixture
def zhangjiagang(zhangjiagang_bureau: Any) -> Any:
    """张家港 with an open 2020 Q2 cycle over the six sections."""
    import datetime

    from kaohe.cycles import actions as cycle_actions

    found = zhangjiagang_bureau
    found.cycle = cycle_actions.open_cycle(
        found.office,
        cycle_actions.CyclePlan(
            name="2020年第二季度科室绩效考核",
            version=found.version,
            period="quarter",
            starts_on=datetime.date(2020, 4, 1),
            ends_on=datetime.date(2020, 6, 30),
            submission_deadline=datetime.date(2020, 7, 3),
            units=[cycle_actions.UnitEntry(unit) for unit in found.sections.values()],
        ),
    )
    found.units = {cu.label: cu for cu in found.cycle.cycle_units.all()}
    return found
