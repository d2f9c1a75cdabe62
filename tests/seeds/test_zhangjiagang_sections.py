"""Seed 004 — 张家港市行政审批局科室绩效考核细则（试行） (scheme zhangjiagang-sections).

One quarter for six 科室: 日常考核 90 in five modules (扣完为止), 班子测评 10 (主要领导:分管领导
5:5), uncapped 综合加分, 同一情况交叉扣分就高扣分 and a 一票否决 that takes away 季度评优.
Every expected number was worked out by hand in
schemes/scenarios/zhangjiagang-sections/working.md.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from kaohe.engine import load_scheme
from kaohe.transfer.scheme_file import dump_scheme, parse_scheme_text
from tests.seeds.scenario import (
    SEEDS,
    differences,
    load_scenario,
    squeezed,
    unexercised_rules,
    unexpected_items,
    verbatim_texts,
)

SCHEME = "zhangjiagang-sections"
DOCUMENT = SEEDS / "004_9200afdbdf37f4f4.txt"


def score(unit: str, code: str) -> Decimal:
    return load_scenario(SCHEME).item_score(unit, code)


def test_the_scenario_assesses_at_least_six_sections() -> None:
    assert len(load_scenario(SCHEME).facts.all_units) >= 6


def test_a_quarter_is_daily_work_90_plus_leaders_10_plus_bonuses() -> None:
    scheme = load_scenario(SCHEME).scheme
    assert scheme.period == "quarter"
    assert [(node.name, node.points) for node in scheme.sections[:2]] == [
        ("日常考核", 90),
        ("班子测评", 10),
    ]
    assert scheme.formula_text == "日常考核 + 班子测评 + 综合加分"


@pytest.mark.parametrize("unit", list(load_scenario(SCHEME).expected_units))
def test_each_section_scores_exactly_as_worked_out_by_hand(unit: str) -> None:
    assert differences(load_scenario(SCHEME), unit) == []


def test_every_rule_in_the_scheme_is_exercised_by_the_scenario() -> None:
    assert unexercised_rules(load_scenario(SCHEME)) == []


def test_the_hand_calculation_states_every_indicator_the_records_touch() -> None:
    assert unexpected_items(load_scenario(SCHEME)) == []


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


def test_the_scheme_survives_being_written_out_and_read_back() -> None:
    scheme = load_scenario(SCHEME).scheme
    assert load_scheme(parse_scheme_text(dump_scheme(scheme))) == scheme


@pytest.mark.skipif(not DOCUMENT.exists(), reason="种子文件不在本机")
def test_criteria_and_rule_texts_are_copied_verbatim_from_the_document() -> None:
    document = squeezed(DOCUMENT.read_text(encoding="utf-8"))
    copied = verbatim_texts(load_scenario(SCHEME).scheme)
    assert [where for where, text in copied if squeezed(text) not in document] == []
