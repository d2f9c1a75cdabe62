"""Seed 004 — 张家港市行政审批局科室绩效考核细则（试行） (scheme zhangjiagang-sections).

One quarter for six 科室: 日常考核 90 in five modules (扣完为止), 班子测评 10 (主要领导:分管领导
5:5), uncapped 综合加分, 同一情况交叉扣分就高扣分 and a 一票否决 that takes away 季度评优.
Every expected number was worked out by hand in
schemes/scenarios/zhangjiagang-sections/working.md.
"""

from __future__ import annotations

from decimal import Decimal

from tests.seeds.scenario import (
    load_scenario,
)

SCHEME = "zhangjiagang-sections"


def score(unit: str, code: str) -> Decimal:
    return load_scenario(SCHEME).item_score(unit, code)


def test_a_quarter_is_daily_work_90_plus_leaders_10_plus_bonuses() -> None:
    scheme = load_scenario(SCHEME).scheme
    assert scheme.period == "quarter"
    assert [(node.name, node.points) for node in scheme.sections[:2]] == [
        ("日常考核", 90),
        ("班子测评", 10),
    ]
    assert scheme.formula_text == "日常考核 + 班子测评 + 综合加分"


def test_a_media_exposure_takes_away_excellence_but_not_the_score_or_rank() -> None:
    scenario = load_scenario(SCHEME)
    eligible = {unit: scenario.unit(unit).excellence_eligible for unit in scenario.expected_units}
    assert [unit for unit, can in eligible.items() if not can] == ["督查科"]
    vetoed = scenario.unit("督查科")
    assert (vetoed.total, vetoed.rank) == (Decimal("92.10"), 3)


def test_the_same_late_arrival_costs_one_point_not_one_and_a_half() -> None:
    # 会议迟到 falls under 日常工作 5 (1 分) and 人员管理 1 (0.5 分): only the larger stands.
    assert (score("党建科", "1.1.2"), score("党建科", "1.2")) == (14, 15)


def test_one_petition_is_deducted_once_at_the_higher_amount() -> None:
    # 群众上访 (3 分) and 查实投诉 (2 分) for the same incident: 15 − 3.
    assert score("党建科", "1.4") == 12


def test_one_achievement_praised_twice_earns_only_the_higher_bonus() -> None:
    # 市级表彰 2 and 省级媒体 3 for the same 党建品牌 → 3; 比赛 1; 创新第 2 名 2.
    assert score("党建科", "3") == 6


def test_a_module_stops_at_zero_however_much_is_deducted() -> None:
    assert score("审批协调科", "1.2") == 0


def test_a_safety_hazard_costs_one_point_however_often_it_is_found() -> None:
    # 科室建设 15 − 1 (two hazards, 扣1分) − 2 (烟头) − 2 (不文明现象)
    assert score("人事教育科", "1.3") == 10


def test_a_fourth_placed_innovation_earns_nothing() -> None:
    assert score("审批协调科", "3") == 0
