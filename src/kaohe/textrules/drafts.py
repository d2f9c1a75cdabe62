"""A rule on its way out of the reader: absolute offsets, confidence, and a guess when unsure."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from kaohe.textrules.patterns.base import GUESS


@dataclass(frozen=True)
class Draft:
    rule: dict[str, Any]
    start: int
    end: int
    confidence: Decimal
    sentence: int
    """The index of the sentence it came from."""

    def doubted(self) -> Draft:
        return replace(self, confidence=min(self.confidence, GUESS))
