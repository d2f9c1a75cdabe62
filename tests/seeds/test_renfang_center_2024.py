"""Seed 000 — 市人防管理服务中心2024年度绩效考核标准及任务分工 (scheme renfang-center-2024).

Six centres scored on the document's standard; every expected number was worked out by hand in
schemes/scenarios/renfang-center-2024/working.md.
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

SCHEME_ID = "renfang-center-2024"
DOCUMENT = SEEDS / "000_06d3e282aa976bd4.txt"
UNITS = list(load_scenario(SCHEME_ID).expected_units)


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(SCHEME_ID)


def test_the_scenario_assesses_at_least_six_centres(scenario):
    assert len(UNITS) >= 6
    assert set(UNITS) == set(scenario.facts.all_units)


def test_every_rule_in_the_scheme_is_exercised_by_the_scenario(scenario):
    assert unexercised_rules(scenario) == []


def test_the_hand_calculation_states_every_indicator_the_records_touch(scenario):
    assert unexpected_items(scenario) == []


def test_the_scheme_survives_being_written_out_and_read_back(scenario):
    assert load_scheme(parse_scheme_text(dump_scheme(scenario.scheme))) == scenario.scheme


@pytest.mark.skipif(not DOCUMENT.exists(), reason="seed documents are not in this checkout")
def test_every_criteria_line_and_rule_text_is_copied_from_the_document(scenario):
    document = squeezed(DOCUMENT.read_text(encoding="utf-8"))
    assert [
        where for where, text in verbatim_texts(scenario.scheme) if squeezed(text) not in document
    ] == []


def test_the_sections_carry_the_documents_points(scenario):
    points = {section.name: section.points for section in scenario.scheme.sections}
    assert points == {
        "新时代党的建设": 0,
        "履行职责": 55,
        "综合测评": 20,
        "基础管理": 15,
        "写实考核": 10,
        "加分项": 5,
    }


def test_the_division_of_work_names_leader_section_and_person(scenario):
    owners = scenario.scheme.find_node("2.1.1").owners
    assert (owners.leaders, owners.units, owners.persons) == (("张正",), ("质监站",), ("李敬旭",))


@pytest.mark.parametrize("unit", UNITS)
def test_each_centre_scores_exactly_as_worked_out_by_hand(scenario, unit):
    assert differences(scenario, unit) == []


def test_a_safety_accident_leaves_the_safety_item_with_nothing(scenario):
    assert scenario.item_score("新泰市人防服务中心", "2.2.3") == 0
    assert scenario.item_score("泰山区人防服务中心", "2.2.3") == 6


def test_only_whole_ten_thousand_square_metres_short_of_the_target_are_deducted(scenario):
    assert scenario.item_score("宁阳县人防服务中心", "2.1.1") == 8  # 13.99万平方米
    assert scenario.item_score("肥城市人防服务中心", "2.1.1") == 4  # 9.3万平方米


def test_deductions_beyond_an_items_points_stop_at_zero(scenario):
    assert scenario.item_score("肥城市人防服务中心", "2.2.8") == 0  # 5项 × 0.5 > 2分


def test_bonuses_stop_at_five_points(scenario):
    assert scenario.unit("泰山区人防服务中心").sections["加分项"] == 5  # 3 + 2.5 recorded


def test_a_clause_found_twice_is_deducted_once(scenario):
    # 东平: 人事管理事项违规 found twice, with 社保 and 转接手续: 3 clauses × 0.8
    assert scenario.item_score("东平县人防服务中心", "4.1.1") == Decimal("2.6")
