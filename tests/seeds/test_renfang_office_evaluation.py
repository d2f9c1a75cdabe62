"""Seed 001 — 人防办绩效评估落实方案 (scheme renfang-office-evaluation).

总分 = 指标自评(抽查)得分×70% + 公众评议得分×30% − 察访核验扣分, graded 优/良/一般/差. Every
expected number was worked out by hand in schemes/scenarios/renfang-office-evaluation/working.md.
"""

from __future__ import annotations

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

SCHEME_ID = "renfang-office-evaluation"
DOCUMENT = SEEDS / "001_4057a95332d1201c.txt"
UNITS = list(load_scenario(SCHEME_ID).expected_units)


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(SCHEME_ID)


def test_the_scenario_assesses_at_least_six_offices(scenario):
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


def test_the_total_is_weighted_as_the_document_says(scenario):
    assert scenario.scheme.formula_text == "0.7*指标考核 + 0.3*公众评议 + 察访核验"


@pytest.mark.parametrize("unit", UNITS)
def test_each_office_scores_exactly_as_worked_out_by_hand(scenario, unit):
    assert differences(scenario, unit) == []


def test_exactly_ninety_points_is_excellent(scenario):
    assert scenario.unit("蕉城区人防办").grade == "优"


def test_a_total_between_the_documents_bands_takes_the_band_below(scenario):
    assert scenario.unit("福鼎市人防办").grade == "良"  # 89.5: 76—89 is 良, 90 up is 优
    assert scenario.unit("古田县人防办").grade == "一般"  # 75.4: 60—75 is 一般, 76 up is 良


def test_equal_totals_are_ranked_by_the_indicator_score(scenario):
    assert (scenario.unit("福鼎市人防办").rank, scenario.unit("柘荣县人防办").rank) == (3, 4)


def test_the_total_is_rounded_half_up_once_at_the_end(scenario):
    assert str(scenario.unit("霞浦县人防办").total) == "85.61"  # 61.845 + 23.76 = 85.605
