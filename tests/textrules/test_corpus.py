"""The labelled corpus is the reader's contract: a regression here fails CI."""

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from kaohe.textrules.evaluation import Scorecard, entry_from, evaluate

CORPUS = Path(__file__).resolve().parents[1] / "data" / "textrules" / "corpus.yaml"


@pytest.fixture(scope="module")
def card() -> Scorecard:
    entries = [entry_from(item) for item in yaml.safe_load(CORPUS.read_text(encoding="utf-8"))]
    return evaluate(entries)


def test_the_corpus_holds_at_least_200_sentences_with_every_seed_represented(card):
    assert card.total >= 200
    seeds = {result.entry.seed for result in card.results}
    assert {"000", "001", "002", "003", "004"} <= seeds
    written = [result for result in card.results if result.entry.seed is None]
    assert len(written) >= 100


def test_no_rule_is_read_with_confidence_and_wrong(card):
    wrong = [r.entry.text for r in card.results if r.confident_but_wrong or r.wrong_node_facts]
    assert wrong == []
    assert card.confident_but_wrong == 0


def test_at_least_95_percent_of_sentences_are_read_exactly(card):
    assert card.accuracy >= Decimal(95), [r.entry.text for r in card.failures]
