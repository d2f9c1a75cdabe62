from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.conftest import DEMO_TEST_PASSWORD

pytestmark = pytest.mark.browser

# Pictures of the pages for a person to look at after a run.
ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts"


def watch(page: Any) -> list[str]:
    """Script errors, CSP refusals and failed requests on the page, as they happen."""
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and not response.url.endswith("/favicon.ico")
            and problems.append(response.url)
        ),
    )
    return problems


def picture(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(200)
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 800})


def test_a_leader_opens_the_dashboard_and_sees_each_chart_beside_its_numbers(
    page: Any, live_server: Any, bureau: Any
) -> None:
    bureau.record("党建科", "1.2", "st1", "2")
    problems = watch(page)

    log_in(page, live_server.url, "zjg_fgld", DEMO_TEST_PASSWORD)  # the bureau's 分管领导
    page.get_by_role("link", name="领导看板").click()
    page.wait_for_load_state("networkidle")

    expect(page.locator("#led-units tr[data-unit='党建科'] td").nth(1)).to_have_text("89.00")
    party = bureau.units["党建科"].pk
    for kind in ("radar", "trend", "lost"):
        chart = page.locator(f"#unit-{party} [data-chart='{kind}']")
        expect(chart).to_have_attribute("data-drawn", "true")
        expect(chart.locator("canvas")).to_have_count(1)
    expect(page.locator(f"#unit-{party} [data-table='trend'] tbody")).to_contain_text("89.00")
    picture(page, "leader-dashboard")
    assert [text for text in problems if not text.startswith("Failed to load resource")] == []


def test_the_office_opens_the_charts_from_the_ranking(
    page: Any, live_server: Any, bureau: Any
) -> None:
    bureau.record("党建科", "1.2", "st1", "2")
    problems = watch(page)

    log_in(page, live_server.url, "zjg_office", DEMO_TEST_PASSWORD)
    page.goto(f"{live_server.url}/results/{bureau.cycle.pk}/")
    page.get_by_role("link", name="统计图表").click()
    page.wait_for_load_state("networkidle")

    for kind in ("bar", "grades", "lost", "radar", "trend"):
        expect(page.locator(f"[data-chart='{kind}'] canvas")).to_have_count(1)
    expect(page.locator("[data-table='bar'] tbody")).to_contain_text("89.00")
    picture(page, "charts")
    assert [text for text in problems if not text.startswith("Failed to load resource")] == []
