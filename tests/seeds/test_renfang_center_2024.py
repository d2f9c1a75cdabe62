"""Seed 000 — 市人防管理服务中心2024年度绩效考核标准及任务分工 (scheme renfang-center-2024).

Six centres scored on the document's standard; every expected number was worked out by hand in
schemes/scenarios/renfang-center-2024/working.md.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.seeds.scenario import (
    load_scenario,
)

SCHEME_ID = "renfang-center-2024"


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(SCHEME_ID)


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
