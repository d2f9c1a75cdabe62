"""同一事项只计一次: records sharing an incident key keep only the largest deduction and bonus."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from kaohe.engine.numbers import ZERO
from kaohe.engine.rules.base import Contribution, Line


def absorb_duplicates(contributions: list[Contribution]) -> list[Contribution]:
    """The same list with every non-largest contribution of an incident set to 0 and explained.

    Deductions and bonuses are judged separately (就高扣分, 就高加分); on equal amounts the one
    first in scheme order stands. A contribution weighs no more than its rule's cap allows: 3
    under a rule of 最多扣2分 weighs 2, so a plain 3 of the same incident stands instead.
    """
    by_incident: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for index, contribution in enumerate(contributions):
        if contribution.incident and contribution.amount:
            by_incident[(contribution.incident, contribution.amount < 0)].append(index)
    result = list(contributions)
    for (incident, _), indexes in by_incident.items():
        if len(indexes) < 2:
            continue
        largest = max(indexes, key=lambda index: (weight(contributions[index]), -index))
        for index in indexes:
            if index != largest:
                result[index] = absorbed(contributions[index], contributions[largest], incident)
    return result


def weight(contribution: Contribution) -> Decimal:
    """What a contribution can really take or give: its amount, no more than its rule's cap."""
    size = abs(contribution.amount)
    cap = contribution.rule.cap
    return size if cap is None else min(size, cap)


def absorbed(contribution: Contribution, standing: Contribution, incident: str) -> Contribution:
    word = "扣分" if contribution.amount < 0 else "加分"
    line = Line(
        "{}——同一事项「{}」已在「{}」就高{}，此处不重复计分",
        (contribution.line, incident, standing.rule.title, word),
    )
    return replace(contribution, amount=ZERO, line=line)
