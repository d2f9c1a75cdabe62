"""Small helpers shared by the textrules tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kaohe.textrules import read_criteria


def only_rule(text: str, points: Decimal | None = None) -> dict[str, Any]:
    """The single rule read from ``text``; fails when there is not exactly one."""
    reading = read_criteria(text, points=points)
    assert len(reading.rules) == 1, reading.rules
    return reading.rules[0].rule


def rules(text: str) -> list[dict[str, Any]]:
    return [read.rule for read in read_criteria(text).rules]


def is_flagged(text: str) -> bool:
    reading = read_criteria(text)
    return bool(reading.rules) and all(rule.flagged for rule in reading.rules)
