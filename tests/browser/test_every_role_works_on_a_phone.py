"""Every role's home, and the pages a unit, a leader or an evaluator works in, fit a 390 px phone
and a 1366 px desktop: the page never scrolls sideways (a wide table scrolls inside its box), the
menu folds under a button on the phone. Screenshots land in var/test-artifacts/screens/<width>/
for a person to look at (docs/operations.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kaohe.accounts.roles import Role
from tests.browser.conftest import log_in
from tests.conftest import DEMO_TEST_PASSWORD
from tests.progress.conftest import cycle, report

__all__ = ["cycle", "report"]

pytestmark = pytest.mark.browser

SCREENS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts" / "screens"
WIDTHS = (390, 1366)


def pages_of(cycle: Any, submission: Any) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """role → (username, [(page name, url)]): each role's home and the pages it works in."""
    unit = cycle.units["市财政局"]
    reports = [
        ("tasks", reverse("progress:tasks")),
        ("report", reverse("progress:submission", args=[submission.pk])),
        ("results", reverse("results:cycles")),
        ("breakdown", reverse("results:unit", args=[cycle.pk, unit.pk])),
        ("cycles", reverse("cycles:list")),
        ("cycle", reverse("cycles:detail", args=[cycle.pk])),
        ("appeals", reverse("appeals:list", args=[cycle.pk])),
        ("notifications", reverse("progress:notifications")),
    ]
    dashboard = ("dashboard", reverse("results:dashboard"))
    leader = [
        ("tasks", reverse("progress:tasks")),
        ("report", reports[1][1]),
        reports[3],
        dashboard,
    ]
    return {
        Role.OFFICE: ("u_office", [("board", reverse("progress:board", args=[cycle.pk]))]),
        Role.ASSESSOR: ("jyj_kpdw", [("records", reverse("cycles:records", args=[cycle.pk]))]),
        Role.REPORTER: ("u_reporter", reports),
        Role.DEPUTY_LEADER: ("u_deputy_leader", leader),
        Role.PRINCIPAL_LEADER: ("u_principal_leader", leader[2:]),
        Role.EVALUATOR: ("u_evaluator", [("notifications", reverse("progress:notifications"))]),
        Role.SYSTEM_ADMIN: ("u_system_admin", [("users", reverse("accounts:users"))]),
        Role.SECURITY_ADMIN: ("u_security_admin", []),
        Role.AUDIT_ADMIN: ("u_audit_admin", []),
    }


def overflow(page: Any) -> int:
    """How far the page reaches past the window's right edge, in CSS pixels."""
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def look(page: Any, url: str, width: int, role: str, name: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    folder = SCREENS / str(width)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{role}-{name}.png"), full_page=True)
    assert overflow(page) <= 0, f"{role} {name} 在 {width}px 宽时横向溢出 {overflow(page)}px"


@pytest.mark.parametrize("width", WIDTHS)
def test_every_roles_pages_fit_the_screen(
    browser: Any, live_server: Any, cycle: Any, report: Any, width: int
) -> None:
    submission = report("市财政局", "1.1", "2025-02")
    for role, (username, pages) in pages_of(cycle, submission).items():
        context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 844})
        page = context.new_page()
        page.set_default_timeout(30_000)  # twenty pages, on a busy machine
        log_in(page, live_server.url, username, DEMO_TEST_PASSWORD)
        look(page, f"{live_server.url}/", width, role, "home")
        for name, url in pages:
            look(page, live_server.url + url, width, role, name)
        context.close()


def test_on_a_phone_the_menu_folds_under_a_button(
    browser: Any, live_server: Any, cycle: Any
) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    log_in(page, live_server.url, "u_reporter", DEMO_TEST_PASSWORD)
    menu_link = page.locator("#main-menu").get_by_role("link", name="我的任务")
    expect(menu_link).to_be_hidden()
    expect(page.get_by_test_id("panel-reporter")).to_be_in_viewport()  # content first

    page.get_by_test_id("menu-toggle").click()
    expect(menu_link).to_be_visible()
    menu_link.click()
    expect(page.get_by_role("heading", name="我的任务")).to_be_visible()
    context.close()


def test_a_search_box_narrows_the_users_table(page: Any, live_server: Any, org: Any) -> None:
    log_in(page, live_server.url, "u_system_admin", DEMO_TEST_PASSWORD)
    page.goto(f"{live_server.url}{reverse('accounts:users')}")
    rows = page.locator("#users tbody tr:visible")
    everyone = rows.count()
    page.get_by_placeholder("输入用户名、姓名、单位或角色筛选").fill("分管领导")
    expect(rows).to_have_count(1)
    expect(page.locator("#users-shown")).to_have_text(f"显示 1 / {everyone}")
