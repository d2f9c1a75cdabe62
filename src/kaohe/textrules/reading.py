"""What the reader hands back: rules with their source span and confidence, plus node facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

CONFIDENCE_THRESHOLD = Decimal("0.9")
"""A rule read at or above this confidence is one the reader would stake the score on."""


@dataclass(frozen=True)
class ReadRule:
    """One rule read from a criteria text.

    ``rule`` is a rule dict in the canonical scheme format's vocabulary (docs/scheme-format.md):
    ``kind`` plus its parameters, amounts signed (negative deducts), numbers as ``Decimal``, and
    no ``id`` (the importer assigns ids). ``span`` is the ``(start, end)`` offsets of ``source`` in
    the text that was read. A ``flagged`` rule is always ``discretionary`` with the original
    ``text`` and ``flagged: True``: a person must settle it.
    """

    rule: dict[str, Any]
    span: tuple[int, int]
    source: str
    confidence: Decimal
    flagged: bool = False
    guesses: tuple[dict[str, Any], ...] = ()
    """For a flagged rule: what the reader half-read, to offer the person who settles it."""

    @property
    def confident(self) -> bool:
        return not self.flagged and self.confidence >= CONFIDENCE_THRESHOLD


@dataclass(frozen=True)
class Reading:
    """Everything read from one criteria text.

    ``node`` holds node-level facts, in the scheme format's node vocabulary: ``kind``
    (``penalty``/``bonus``), ``floor`` (``-1`` for 倒扣分1分), ``cap``, ``points``,
    ``not_applicable`` (``"average"`` or ``{"move_to": name}``). ``confident`` is True only when
    every rule is confident and nothing was left unread.
    """

    text: str
    rules: tuple[ReadRule, ...]
    node: dict[str, Any] = field(default_factory=dict)

    @property
    def confident(self) -> bool:
        return all(rule.confident for rule in self.rules)

    @property
    def flagged(self) -> tuple[ReadRule, ...]:
        return tuple(rule for rule in self.rules if rule.flagged)


@dataclass(frozen=True)
class NameReading:
    """A node name with the points and node facts written inside it, e.g. 「重点任务（15分）」."""

    name: str
    points: Decimal | None
    node: dict[str, Any] = field(default_factory=dict)
