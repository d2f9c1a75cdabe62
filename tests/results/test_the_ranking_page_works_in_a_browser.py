from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.conftest import DEMO_TEST_PASSWORD

pytestmark = pytest.mark.browser


def test_the_office_opens_the_ranking_from_the_menu_and_sees_the_chart(
    page: Any,
    live_server: Any,
    bureau: Any,
) -> None:
    bureau.record("党建科", "1.2", "st1", "2")
    problems: list[str] = []  # script errors and CSP refusals ("Refused to …")
    missing: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", lambda response: response.status >= 400 and missing.append(response.url))

    log_in(page, live_server.url, "zjg_office", DEMO_TEST_PASSWORD)
    page.get_by_role("link", name="考核结果").click()
    page.get_by_role("link", name="汇总排名").first.click()
    page.wait_for_load_state("networkidle")

    expect(
        page.get_by_role("heading", name="2020年第二季度科室绩效考核 · 汇总排名")
    ).to_be_visible()
    expect(page.locator("#ranking tr[data-unit='党建科'] td").nth(6)).to_have_text("89.00")
    assert page.locator("#ranking-chart canvas").count() == 1
    page.get_by_role("link", name="党建科").click()
    expect(page.locator("#unit-total")).to_have_text("89.00")
    assert [url for url in missing if not url.endswith("/favicon.ico")] == []
    assert [text for text in problems if not text.startswith("Failed to load resource")] == []
