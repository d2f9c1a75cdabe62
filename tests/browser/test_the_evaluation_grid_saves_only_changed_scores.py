"""Issue 16: the evaluation grid in a browser sends only the scores typed since the page opened,
so a score another clerk saved meanwhile in another cell stays as that clerk left it."""

from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kaohe.cycles import actions
from kaohe.cycles.models import EvaluationEntry
from tests.browser.conftest import log_in
from tests.conftest import DEMO_TEST_PASSWORD

pytestmark = pytest.mark.browser


def test_a_score_saved_by_another_clerk_meanwhile_is_kept(page, live_server, zhangjiagang):
    unit = zhangjiagang.units["党建科"]
    actions.set_evaluation_score(zhangjiagang.office, unit, "班子测评", "分管领导", Decimal(70))
    log_in(page, live_server.url, "zjg_office", DEMO_TEST_PASSWORD)
    page.goto(f"{live_server.url}{reverse('results:evaluations', args=[zhangjiagang.cycle.pk])}")
    actions.set_evaluation_score(  # another clerk, after this page was opened
        zhangjiagang.office, unit, "班子测评", "分管领导", Decimal(75), expected_version=1
    )

    page.get_by_label("党建科 主要领导").fill("85")
    untouched = page.get_by_label("党建科 分管领导").get_attribute("name")
    with page.expect_request(lambda request: request.method == "POST") as sent:
        page.get_by_role("button", name="保存测评得分").click()

    assert f"{untouched}=" not in (sent.value.post_data or "")

    expect(page.get_by_text("已保存 1 项测评得分")).to_be_visible()
    scores = dict(EvaluationEntry.objects.filter(cycle_unit=unit).values_list("group", "score"))
    assert scores == {"主要领导": Decimal(85), "分管领导": Decimal(75)}
    expect(page.get_by_label("党建科 分管领导")).to_have_value("75")
