"""Flat tables of one unit's scores and explanation lines by node path."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kaohe.engine.rules.base import Line


@dataclass
class Tables:
    """One unit's scores and lines by path while the tree is summed."""

    scores: dict[str, Decimal]
    lines: dict[str, tuple[Line, ...]] = field(default_factory=dict)
    lazy: set[str] = field(default_factory=set)
    defaults: Mapping[str, tuple[Line, ...]] = field(default_factory=dict)
