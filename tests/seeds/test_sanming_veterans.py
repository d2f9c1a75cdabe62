"""Seed 002 — 三明市退役军人事务局绩效指标考核内容及责任分工情况表 (scheme sanming-veterans).

Sections 45/45/10 with a 考评单位 on every row, 领导评价 60/40, 公众评议 60/40, 正向激励 ≤ 5,
察访核验 ≤ 10 and 考核奖惩. Every expected number was worked out by hand in
schemes/scenarios/sanming-veterans/working.md.
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

SCHEME_ID = "sanming-veterans"
DOCUMENT = SEEDS / "002_0ed3afd9bf74f8cd.txt"
UNITS = list(load_scenario(SCHEME_ID).expected_units)


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(SCHEME_ID)


def test_the_scenario_assesses_at_least_six_bureaus(scenario):
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


def test_every_row_keeps_its_assessing_body(scenario):
    assessors = {rule.label.split("：")[0] for rule in scenario.scheme.rules.values()}
    assert {"市直党工委", "纪委(监委)", "档案馆", "审计局", "信访局", "12345热线中心"} <= assessors


@pytest.mark.parametrize("unit", UNITS)
def test_each_bureau_scores_exactly_as_worked_out_by_hand(scenario, unit):
    assert differences(scenario, unit) == []


def test_inspection_deductions_stop_at_ten_points(scenario):
    assert scenario.unit("永安市退役军人事务局").sections["察访核验"] == -10  # 4.5 + 3 + 3.5


def test_positive_incentives_stop_at_five_points(scenario):
    assert scenario.unit("沙县区退役军人事务局").sections["正向激励"] == 5  # 3 + 1.5 + 1


def test_assessors_deductions_share_one_indicators_points_down_to_zero(scenario):
    assert scenario.item_score("明溪县退役军人事务局", "2.1") == 0  # 8 + 9 > 15


def test_a_placed_contest_entry_is_not_also_paid_for_taking_part(scenario):
    assert scenario.item_score("三元区退役军人事务局", "8.2") == Decimal("0.5")


def test_provincial_rankings_add_and_subtract_as_they_accumulate(scenario):
    assert scenario.item_score("永安市退役军人事务局", "8.1") == 0  # 第2名 +1, 倒数第2名 −1
