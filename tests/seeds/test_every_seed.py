"""What every built-in seed scheme must satisfy: its scenario scores as worked out by hand, to the
cent; every rule is exercised; the scheme survives a round trip; and its criteria are the
document's own words (the seed texts are kept in tests/data/import/seeds/, so this never skips).
"""

from __future__ import annotations

import pytest

from kaohe.engine import load_scheme
from kaohe.transfer.scheme_file import dump_scheme, parse_scheme_text
from tests.seeds.scenario import (
    SEEDS as DOCUMENTS,
)
from tests.seeds.scenario import (
    differences,
    load_scenario,
    squeezed,
    unexercised_rules,
    unexpected_items,
    verbatim_texts,
)

SEED_FILES = {
    "renfang-center-2024": "000_06d3e282aa976bd4.txt",
    "renfang-office-evaluation": "001_4057a95332d1201c.txt",
    "sanming-veterans": "002_0ed3afd9bf74f8cd.txt",
    "dongyang-departments": "003_206210c3bcd17d8a.txt",
    "zhangjiagang-sections": "004_9200afdbdf37f4f4.txt",
}
# 东阳's first page is missing from the document; section 一's criteria say so in our words.
NOT_IN_THE_DOCUMENT = {"dongyang-departments": ["一（原文缺页）"]}
UNITS = [(scheme, unit) for scheme in SEED_FILES for unit in load_scenario(scheme).expected_units]


@pytest.mark.parametrize("scheme", SEED_FILES)
def test_the_scenario_assesses_at_least_six_units(scheme: str) -> None:
    scenario = load_scenario(scheme)
    assert len(scenario.expected_units) >= 6
    assert set(scenario.expected_units) == set(scenario.facts.all_units)


@pytest.mark.parametrize(("scheme", "unit"), UNITS)
def test_every_unit_scores_exactly_as_worked_out_by_hand(scheme: str, unit: str) -> None:
    assert differences(load_scenario(scheme), unit) == []


@pytest.mark.parametrize("scheme", SEED_FILES)
def test_every_rule_in_the_scheme_is_exercised_by_the_scenario(scheme: str) -> None:
    assert unexercised_rules(load_scenario(scheme)) == []


@pytest.mark.parametrize("scheme", SEED_FILES)
def test_the_hand_calculation_states_every_indicator_the_records_touch(scheme: str) -> None:
    assert unexpected_items(load_scenario(scheme)) == []


@pytest.mark.parametrize("scheme", SEED_FILES)
def test_the_scheme_survives_being_written_out_and_read_back(scheme: str) -> None:
    original = load_scenario(scheme).scheme
    assert load_scheme(parse_scheme_text(dump_scheme(original))) == original


@pytest.mark.parametrize("scheme", SEED_FILES)
def test_criteria_and_rule_texts_are_copied_verbatim_from_the_document(scheme: str) -> None:
    document = squeezed((DOCUMENTS / SEED_FILES[scheme]).read_text(encoding="utf-8"))
    copied = verbatim_texts(load_scenario(scheme).scheme)
    missing = [where for where, text in copied if squeezed(text) not in document]
    assert missing == NOT_IN_THE_DOCUMENT.get(scheme, [])
