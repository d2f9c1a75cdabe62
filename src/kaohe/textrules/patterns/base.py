"""The pattern registry: each rule kind is a small reader of one sentence.

A sentence reader takes a :class:`Sentence` and returns what it found, each finding with its
span inside the sentence and a confidence. Readers are tried by priority, lowest first; a
finding that overlaps one accepted earlier is dropped, so more specific readers take a lower
number. Adding a reader means adding a module to this package: it is found and imported.

A reader may name the characters its patterns cannot match without (``needs="灯"`` for
「红灯扣2分」): it is then skipped for a sentence holding none of them, which spares most readers
most sentences. tests/textrules/test_reader_needs.py checks the claim on every corpus sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kaohe.textrules.clauses import Sentence
from kaohe.textrules.numbers import NUMBER, number

SURE = Decimal("0.95")
LIKELY = Decimal("0.9")
GUESS = Decimal("0.6")

AMOUNT = rf"(?P<amount>{NUMBER})\s*分"
DEDUCT = r"(?:倒扣|扣除|扣减|扣|减)"
ADD = r"(?:加|奖励|奖(?![金品状杯牌项]))"


@dataclass(frozen=True)
class Finding:
    """A rule (or node fact) read from part of a sentence; offsets are within the sentence."""

    rule: dict[str, Any]
    start: int
    end: int
    confidence: Decimal
    node: dict[str, Any] = field(default_factory=dict)
    weak: bool = False
    """A weak finding (予以扣分) only stands when nothing else in its sentence was read."""

    @property
    def is_node_fact(self) -> bool:
        return not self.rule


SentenceReader = Callable[[Sentence], list[Finding]]

FALLBACK = 1000
"""Priority of the catch-all readers (「…的，扣0.5分」 once, 酌情扣分) that go last."""


@dataclass(frozen=True)
class Registered:
    priority: int
    read: SentenceReader
    needs: frozenset[str]
    """Characters one of which every finding's text holds; empty when the reader has none."""


SENTENCE_READERS: dict[str, Registered] = {}
BY_PRIORITY: list[Registered] = []
"""The registry's values, lowest priority first; sorted again at each registration."""


def sentence_reader(
    name: str, *, priority: int, needs: str = ""
) -> Callable[[SentenceReader], SentenceReader]:
    """Register a sentence reader under ``name``; lower priorities are tried first. The reader
    is tried only on sentences holding one of the characters in ``needs`` (when given)."""

    def register(reader: SentenceReader) -> SentenceReader:
        SENTENCE_READERS[name] = Registered(priority, reader, frozenset(needs))
        BY_PRIORITY[:] = sorted(SENTENCE_READERS.values(), key=lambda known: known.priority)
        return reader

    return register


_ADDING = re.compile(ADD + "|得|记|计")


def signed(verb: str, amount: str) -> Decimal:
    """The signed amount: 扣/减 deduct (negative), 加/得 add (positive)."""
    value = number(amount)
    return value if _ADDING.fullmatch(verb) else -value


def finding(rule: dict[str, Any], match: re.Match[str], confidence: Decimal) -> Finding:
    return Finding(rule=rule, start=match.start(), end=match.end(), confidence=confidence)
