"""Flat tables of one unit's scores and explanation lines by node path."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kaohe.engine.model.scheme import Node
from kaohe.engine.numbers import ZERO, show
from kaohe.engine.rules.base import Line


@dataclass
class Tables:
    """One unit's scores and lines by path while the tree is summed.

    ``recorded`` holds the scores of the leaves the unit has records for; such a leaf without
    lines of its own is explained on demand (see ``NodeTable``). It is ``scores`` itself while
    only leaves are scored. ``unscaled`` keeps an item's own score before points moved to it
    from a sibling (``move_to``) rescaled it: the participants' average of that item reads it.
    """

    scores: dict[str, Decimal]
    lines: dict[str, tuple[Line, ...]] = field(default_factory=dict)
    recorded: Mapping[str, Decimal] = field(default_factory=dict)
    defaults: Mapping[str, tuple[Line, ...]] = field(default_factory=dict)
    unscaled: dict[str, Decimal] = field(default_factory=dict)

    def explained_later(self, path: str) -> bool:
        return path in self.recorded and path not in self.lines


def group_line(group: Node, scores: Mapping[str, Decimal]) -> Line:
    """How a group's score came from its children's (step 4), worked out when it is read:
    a province's cycle has tens of thousands of group sums and few are ever read."""
    total = sum((scores[child.path] for child in group.children), ZERO)
    score = scores[group.path]
    if score == total:
        return Line("各项合计 {} 分", (total,))
    if group.cap is not None and total > group.cap:
        return Line("各项合计 {} 分，本级封顶 {} 分，得 {} 分", (total, group.cap, score))
    floor = "扣完为止" if group.floor == 0 else f"最多扣至 {show(group.floor or ZERO)} 分"
    return Line("各项合计 {} 分，本级{}，得 {} 分", (total, floor, score))
