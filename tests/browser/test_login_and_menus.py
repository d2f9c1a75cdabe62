import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.conftest import DEMO_TEST_PASSWORD

pytestmark = pytest.mark.browser


def menu_labels(page):
    return [text.strip() for text in page.locator("#main-menu a").all_inner_texts()]


def test_two_roles_log_in_and_see_different_menus(page, live_server, org):
    log_in(page, live_server.url, "u_office", DEMO_TEST_PASSWORD)
    office_menu = menu_labels(page)
    expect(page.get_by_test_id("user-roles")).to_have_text("考核办")
    page.get_by_role("button", name="退出登录").click()
    page.wait_for_url("**/accounts/login/**")

    log_in(page, live_server.url, "u_audit_admin", DEMO_TEST_PASSWORD)
    audit_menu = menu_labels(page)
    assert "组织机构" in office_menu and "组织机构" not in audit_menu
    assert "审计日志" in audit_menu and "审计日志" not in office_menu
    page.get_by_role("link", name="审计日志").click()
    expect(page.get_by_role("heading", name="审计日志")).to_be_visible()
    expect(page.get_by_role("cell", name="登录").first).to_be_visible()


def test_the_right_password_after_five_wrong_ones_finds_the_account_locked(page, live_server, org):
    for _ in range(5):
        log_in(page, live_server.url, "u_reporter", "Wrong#Password1")
    log_in(page, live_server.url, "u_reporter", DEMO_TEST_PASSWORD)
    expect(page.get_by_role("heading", name="账户已锁定")).to_be_visible()
    page.goto(f"{live_server.url}/")
    assert "/accounts/login/" in page.url


def test_the_pages_use_only_assets_from_the_app_itself(page, live_server, org):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    log_in(page, live_server.url, "u_system_admin", DEMO_TEST_PASSWORD)
    page.get_by_role("link", name="组织机构").click()
    page.wait_for_load_state("networkidle")
    assert requested
    assert all(url.startswith(live_server.url) for url in requested), requested
    expect(page.get_by_text("市财政局").first).to_be_visible()
