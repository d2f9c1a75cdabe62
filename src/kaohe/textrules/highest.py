"""「同一事项获多级表彰的，仅就最高级别加分」: amounts by level count only the highest level.

The amounts themselves sit in other sentences or clauses (市级…加2分，省级…加3分), so this runs
over the whole text after the levels have been merged: they become one ``tiered`` rule with
``highest_only``. When the amounts cannot all be tied to a level, the text goes to a person.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from kaohe.textrules.drafts import Draft
from kaohe.textrules.patterns.levels import HIGHEST_ONLY
from kaohe.textrules.vocabulary import LEVELS

_LEVEL = re.compile("|".join(LEVELS))


def _levels_of(draft: Draft, text: str, previous_end: int) -> dict[str, Decimal] | None:
    if "levels" in draft.rule:
        return dict(draft.rule["levels"])
    found = set(_LEVEL.findall(text[previous_end : draft.end]))
    return {found.pop(): draft.rule["amount"]} if len(found) == 1 else None


def apply_highest_only(drafts: list[Draft], text: str) -> list[Draft]:
    """``text`` is the normalised text the drafts' offsets point into."""
    clause = HIGHEST_ONLY.search(text)
    if clause is None:
        return drafts
    tiered = [draft for draft in drafts if draft.rule["kind"] == "per_occurrence"]
    levels: dict[str, Decimal] = {}
    previous_end = 0
    for draft in drafts:
        if draft in tiered:
            found = _levels_of(draft, text, previous_end)
            if found is None or levels.keys() & found.keys():
                return _flag_all(drafts, tiered, clause)
            levels.update(found)
        previous_end = draft.end
    if len(levels) < 2:
        return _flag_all(drafts, tiered, clause)
    first, last = tiered[0], tiered[-1]
    rule = {"kind": "tiered", "levels": levels, "highest_only": True}
    confidence = min(draft.confidence for draft in tiered)
    merged = replace(first, rule=rule, end=max(last.end, clause.end()), confidence=confidence)
    return [merged if draft is first else draft for draft in drafts if draft not in tiered[1:]]


def _flag_all(drafts: list[Draft], tiered: list[Draft], clause: re.Match[str]) -> list[Draft]:
    """Which amounts the highest-only clause binds is unclear: a person settles them."""
    start = min([clause.start(), *(draft.start for draft in tiered)])
    end = max([clause.end(), *(draft.end for draft in tiered)])
    guesses = [draft.rule for draft in tiered]
    flagged = Draft({"kind": "discretionary", "guesses": guesses}, start, end, Decimal(0), 0)
    rest = [draft for draft in drafts if draft not in tiered]
    return [flagged, *rest]
