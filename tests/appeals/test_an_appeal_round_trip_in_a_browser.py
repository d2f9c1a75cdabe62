from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.conftest import DEMO_TEST_PASSWORD

pytestmark = pytest.mark.browser


def test_a_unit_appeals_the_office_upholds_and_the_unit_sees_the_second_publication(
    page: Any, live_server: Any, published: Any
) -> None:
    base = live_server.url
    cycle, unit = published.cycle.pk, published.units["党建科"].pk
    log_in(page, base, "zjg_tb", DEMO_TEST_PASSWORD)
    page.goto(f"{base}/results/{cycle}/units/{unit}/")
    page.get_by_role("link", name="提出申诉").click()
    page.get_by_label("申诉理由").fill("其中一人次为公务外出，已报备")
    page.get_by_role("button", name="提交申诉").click()
    expect(page.get_by_text("申诉已提交，请等待答复")).to_be_visible()
    detail = page.url

    page.get_by_role("button", name="退出登录").click()
    log_in(page, base, "zjg_office", DEMO_TEST_PASSWORD)
    page.goto(detail)
    page.get_by_label("申诉成立（更正记录并重新公示）").check()
    page.get_by_label("答复意见").fill("经核实更正为1人次")
    page.get_by_label("更正后的次数").fill("1")
    page.get_by_role("button", name="提交答复").click()
    expect(page.locator("#appeal-status")).to_have_text("申诉成立")

    page.get_by_role("button", name="退出登录").click()
    log_in(page, base, "zjg_tb", DEMO_TEST_PASSWORD)
    page.goto(detail)
    page.get_by_role("link", name="第 2 次公示").click()
    expect(page.locator("#unit-total")).to_have_text("89.50")
    page.get_by_role("link", name="第 1 次公示").click()
    expect(page.locator("#unit-total")).to_have_text("89.00")
