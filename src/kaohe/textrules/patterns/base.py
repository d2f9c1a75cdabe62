"""The pattern registry: each rule kind is a small reader of one sentence.

A sentence reader takes a :class:`Sentence` and returns what it found, each finding with its
span inside the sentence and a confidence. Readers are tried by priority, lowest first; a
finding that overlaps one accepted earlier is dropped, so more specific readers take a lower
number. Adding a reader means adding a module to this package: it is found and imported.
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
ADD = r"(?:加|奖励)"


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

SENTENCE_READERS: dict[str, tuple[int, SentenceReader]] = {}


def sentence_reader(name: str, *, priority: int) -> Callable[[SentenceReader], SentenceReader]:
    """Register a sentence reader under ``name``; lower priorities are tried first."""

    def register(reader: SentenceReader) -> SentenceReader:
        SENTENCE_READERS[name] = (priority, reader)
        return reader

    return register


def signed(verb: str, amount: str) -> Decimal:
    """The signed amount: 扣/减 deduct (negative), 加/得 add (positive)."""
    value = number(amount)
    return value if re.fullmatch(ADD + "|得", verb) else -value


def finding(rule: dict[str, Any], match: re.Match[str], confidence: Decimal) -> Finding:
    return Finding(rule=rule, start=match.start(), end=match.end(), confidence=confidence)
