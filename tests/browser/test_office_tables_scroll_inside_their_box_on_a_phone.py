"""Wide tables — an evaluation's 计票结果, a scheme version's indicator table, a leader's
dashboard — scroll inside their box on a 390 px phone; the page itself never scrolls sideways."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from kaohe.evaluations import actions
from tests.browser.conftest import log_in
from tests.conftest import DEMO_TEST_PASSWORD
from tests.evaluations.conftest import leadership, leadership_review, open_now, scores_for
from tests.progress.conftest import cycle

__all__ = ["cycle", "leadership", "leadership_review"]

pytestmark = pytest.mark.browser


def overflow(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def test_the_tally_and_the_indicator_table_fit_a_phone(
    browser: Any, live_server: Any, leadership_review: Any
) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    marks = scores_for(found.principal_group, found.principal, {"党建科": "90", "办公室": "70"})
    actions.cast_as_member(found.principal, found.principal_group, marks)
    actions.close_evaluation(found.office, found.evaluation)
    found.commit(actions.count_evaluation, found.office, found.evaluation)
    version = found.cycle.scheme_version
    urls = {
        "计票结果": reverse("evaluations:detail", args=[found.evaluation.pk]),
        "指标表": reverse("schemes:version", args=[version.scheme.slug, version.number]),
    }

    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    log_in(page, live_server.url, found.office.username, DEMO_TEST_PASSWORD)
    for name, url in urls.items():
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        assert page.get_by_text(name if name == "计票结果" else "考核要点及评价标准").count()
        assert overflow(page) <= 0, f"{name} 在 390px 宽时横向溢出 {overflow(page)}px"
    context.close()


def test_a_leaders_dashboard_fits_a_phone_whatever_the_cycles_name(
    browser: Any, live_server: Any, cycle: Any
) -> None:
    """The cycle picker and the 同一方案历次考核 table once pushed the page 165 px sideways when
    the cycle's name was as long as real ones are."""
    cycle.name = "2026年度市场监督管理局内设科室绩效考核（年度）"
    cycle.save(update_fields=["name"])

    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    log_in(page, live_server.url, "u_deputy_leader", DEMO_TEST_PASSWORD)
    page.goto(live_server.url + reverse("results:dashboard"))
    page.wait_for_load_state("networkidle")
    assert page.get_by_label("考核周期").count() == 1
    assert overflow(page) <= 0, f"领导看板在 390px 宽时横向溢出 {overflow(page)}px"
    context.close()
