"""A reader that names the characters it needs is skipped for sentences without them: that must
never hide a finding. Each such reader is run on every corpus and seed sentence with those
characters taken out, and must find nothing there."""

from pathlib import Path

import pytest
import yaml

from kaohe.textrules.clauses import Sentence, split_sentences
from kaohe.textrules.normalize import normalize
from kaohe.textrules.patterns import readers_for
from kaohe.textrules.patterns.base import SENTENCE_READERS

DATA = Path(__file__).resolve().parents[1] / "data"
GATED = sorted(name for name, registered in SENTENCE_READERS.items() if registered.needs)


def _sentences() -> list[Sentence]:
    corpus = yaml.safe_load((DATA / "textrules" / "corpus.yaml").read_text("utf-8"))
    texts = [item["text"] for item in corpus]
    for seed in sorted((DATA / "import" / "seeds").glob("*.txt")):
        texts.extend(line for line in seed.read_text("utf-8").split("\n") if line.strip())
    return [sentence for text in texts for sentence in split_sentences(normalize(text))]


SENTENCES = _sentences()


def _without(sentence: Sentence, characters: frozenset[str]) -> Sentence:
    text = "".join(char for char in sentence.text if char not in characters)
    return Sentence(0, len(text), text)


@pytest.mark.parametrize("name", GATED)
def test_a_reader_finds_nothing_once_the_characters_it_needs_are_taken_out(name):
    registered = SENTENCE_READERS[name]
    stripped = [_without(sentence, registered.needs) for sentence in SENTENCES]

    found = [sentence.text for sentence in stripped if registered.read(sentence)]

    assert found == []


@pytest.mark.parametrize("name", GATED)
def test_the_check_is_not_empty_the_reader_finds_something_in_the_sentences(name):
    registered = SENTENCE_READERS[name]

    assert any(registered.read(sentence) for sentence in SENTENCES)
    assert any(registered.read not in readers_for(sentence.text) for sentence in SENTENCES)
