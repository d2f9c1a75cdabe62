"""Seed 001 — 人防办绩效评估落实方案 (scheme renfang-office-evaluation).

总分 = 指标自评(抽查)得分×70% + 公众评议得分×30% − 察访核验扣分, graded 优/良/一般/差. Every
expected number was worked out by hand in schemes/scenarios/renfang-office-evaluation/working.md.
"""

from __future__ import annotations

import pytest

from tests.seeds.scenario import (
    load_scenario,
)

SCHEME_ID = "renfang-office-evaluation"


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(SCHEME_ID)


def test_the_total_is_weighted_as_the_document_says(scenario):
    assert scenario.scheme.formula_text == "0.7*指标考核 + 0.3*公众评议 + 察访核验"


def test_exactly_ninety_points_is_excellent(scenario):
    assert scenario.unit("蕉城区人防办").grade == "优"


def test_a_total_between_the_documents_bands_takes_the_band_below(scenario):
    assert scenario.unit("福鼎市人防办").grade == "良"  # 89.5: 76—89 is 良, 90 up is 优
    assert scenario.unit("古田县人防办").grade == "一般"  # 75.4: 60—75 is 一般, 76 up is 良


def test_equal_totals_are_ranked_by_the_indicator_score(scenario):
    assert (scenario.unit("福鼎市人防办").rank, scenario.unit("柘荣县人防办").rank) == (3, 4)


def test_the_total_is_rounded_half_up_once_at_the_end(scenario):
    assert str(scenario.unit("霞浦县人防办").total) == "85.61"  # 61.845 + 23.76 = 85.605
