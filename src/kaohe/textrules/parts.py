"""「建立制度(2分)：未建立的不得分；开展培训(3分)：…」: a text holding parts with their own points.

Criteria of an item sometimes hold its parts, each with a heading and its points (a table whose
sub-items were merged into their parent's cell). A 不得分 in such a part zeroes that part, not
the item: read as zeroing the item it would be confidently wrong, so it goes to a person, with
the part's points offered as a one-time deduction. Likewise, the other way, a 不得分 in an item
under another that names the item above (「此大项不得分」).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from kaohe.textrules.drafts import Draft
from kaohe.textrules.numbers import number

_PART_HEADING = re.compile(r"[\u4e00-\u9fff]\s*\(\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*\)")


def zero_within_part(drafts: list[Draft], text: str, points: Decimal | None) -> list[Draft]:
    """``text`` is the normalised text the drafts point into."""
    parts = list(_PART_HEADING.finditer(text))
    settled: list[Draft] = []
    for draft in drafts:
        part = _part_of(draft, parts, points)
        if part is None:
            settled.append(draft)
            continue
        # The flag shows the part's words with it: from its sentence's start, past any rule.
        boundary = max(text.rfind(mark, 0, draft.start) for mark in "。;\n") + 1
        start = max([boundary, *(previous.end for previous in settled[-1:])])
        start += len(text[start : draft.start]) - len(text[start : draft.start].lstrip(" ,:"))
        guess = {"kind": "per_occurrence", "amount": -part, "cap": part}
        flag = {"kind": "discretionary", "guesses": [guess]}
        settled.append(replace(draft, rule=flag, start=start).doubted())
    return settled


def _part_of(draft: Draft, parts: list[re.Match[str]], points: Decimal | None) -> Decimal | None:
    """The points of the part a 不得分 sits in, when the part is less than the whole item."""
    before = [part for part in parts if part.end() <= draft.start]
    if draft.rule.get("kind") != "zero_on_event" or not before:
        return None
    part = number(before[-1].group("points"))
    smaller = part < points if points is not None else len(parts) > 1
    return part if smaller else None


# 「…败诉的,此大项不得分」: what is zeroed is the item above (大项, 一级指标, the whole part).
_WIDER_SCOPE = re.compile(
    r"(?:此|本|该|整个)\s*(?:大项|大类|一级指标|板块|考核项目)\s*(?:均|全部|分值)?\s*$"
)


def zero_of_the_item_above(drafts: list[Draft], text: str) -> list[Draft]:
    """For an item under another: a 不得分 that names the item above it (此大项) cannot be this
    item's rule, and zeroing this item alone would be confidently wrong; a person settles it.
    ``text`` is the normalised text the drafts point into."""
    return [
        draft.doubted()
        if draft.rule.get("kind") == "zero_on_event"
        and _WIDER_SCOPE.search(text, 0, draft.start) is not None
        else draft
        for draft in drafts
    ]
