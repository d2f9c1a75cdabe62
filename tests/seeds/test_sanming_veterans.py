"""Seed 002 — 三明市退役军人事务局绩效指标考核内容及责任分工情况表 (scheme sanming-veterans).

Sections 45/45/10 with a 考评单位 on every row, 领导评价 60/40, 公众评议 60/40, 正向激励 ≤ 5,
察访核验 ≤ 10 and 考核奖惩. Every expected number was worked out by hand in
schemes/scenarios/sanming-veterans/working.md.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.seeds.scenario import (
    load_scenario,
)

SCHEME_ID = "sanming-veterans"


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(SCHEME_ID)


def test_every_row_keeps_its_assessing_body(scenario):
    assessors = {rule.label.split("：")[0] for rule in scenario.scheme.rules.values()}
    assert {"市直党工委", "纪委(监委)", "档案馆", "审计局", "信访局", "12345热线中心"} <= assessors


def test_inspection_deductions_stop_at_ten_points(scenario):
    assert scenario.unit("永安市退役军人事务局").sections["察访核验"] == -10  # 4.5 + 3 + 3.5


def test_positive_incentives_stop_at_five_points(scenario):
    assert scenario.unit("沙县区退役军人事务局").sections["正向激励"] == 5  # 3 + 1.5 + 1


def test_assessors_deductions_share_one_indicators_points_down_to_zero(scenario):
    assert scenario.item_score("明溪县退役军人事务局", "2.1") == 0  # 8 + 9 > 15


def test_a_placed_contest_entry_is_not_also_paid_for_taking_part(scenario):
    # Rankings 全省第1名 +1.5 and 全省第3名 +0.5; the review: 第1名 0.5, not also 参赛 0.1.
    assert scenario.item_score("三元区退役军人事务局", "8") == Decimal("2.5")


def test_provincial_rankings_add_and_subtract_as_they_accumulate(scenario):
    assert scenario.item_score("永安市退役军人事务局", "8") == 0  # 第2名 +1, 倒数第2名 −1
