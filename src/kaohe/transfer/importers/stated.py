"""Items whose points are stated at their sentence's end: 「一、组织领导(25分)」 over
「1、成立领导小组,有档案、有组织计10分。」 「2、专题研究……计5分。」 「3、落实责任制……计10分。」.

Each numbered line under an indicator says what it is worth (计10分, 记5分, 得6分); when those
points add up to the indicator's, the lines are its items, named by their first clause and
holding their whole text as criteria. Lines whose points do not add up stay criteria: they may
be alternatives (「按时报送的得2分,迟报的得1分」), not parts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kaohe.textrules.normalize import to_simplified
from kaohe.transfer.importers.drafts import Draft
from kaohe.transfer.importers.headings import MAX_NAME, NAME_END, heading_rank
from kaohe.transfer.importers.names import strip_numbering

_STATED = re.compile(r"[计记得]\s*(\d{1,3}(?:\.\d{1,2})?)\s*分")
# 「2、在报刊发表禁毒宣传文章10分、……」: the points right after the item's name.
_AFTER_NAME = re.compile(r"^[^\d，,。；;:：扣加减每]{2,30}?(\d{1,3}(?:\.\d{1,2})?)\s*分")
# 「逐级签订综治责任书,1分。」, 「……分值:5分。」: the points as a clause of their own.
_OWN_CLAUSE = re.compile(
    r"(?:[，,]\s*|分值[:：]?\s*)(\d{1,3}(?:\.\d{1,2})?)\s*分\s*(?:[。；;，,]|$)"
)
MIN_ITEMS = 2


def stated_points_become_items(draft: Draft) -> None:
    """Under ``draft`` and below it (see the module's docstring)."""
    for child in draft.children:
        stated_points_become_items(child)
    if draft.children or draft.points is None or not draft.criteria:
        return
    entries = _numbered_entries(draft.criteria)
    if entries is None:
        return
    intro, lines = entries
    points = [_stated(line) for line in lines]
    if len(lines) < MIN_ITEMS or None in points or sum(filter(None, points)) != draft.points:
        return
    draft.criteria[:] = intro
    for line, stated in zip(lines, points, strict=True):
        body = strip_numbering(line)
        item = Draft(name=_name(body), raw=line)
        item.points = stated
        item.add_criteria(body)
        draft.children.append(item)


def _name(body: str) -> str:
    """The first clause, without the points it states (「落实消防经费得6分」 → 落实消防经费)."""
    clause = NAME_END.split(body, maxsplit=1)[0]
    return _POINTS_IN_CLAUSE.split(clause, maxsplit=1)[0].strip()[:MAX_NAME] or clause


_POINTS_IN_CLAUSE = re.compile(r"[计记得計記]?\s*\d{1,3}(?:\.\d{1,2})?\s*分")


def _numbered_entries(criteria: list[str]) -> tuple[list[str], list[str]] | None:
    """The lines before the first numbered one, and each numbered line with the unnumbered
    lines after it (its continuation); None when the numbering changes style on the way."""
    first = next((i for i, line in enumerate(criteria) if heading_rank(line) is not None), None)
    if first is None:
        return None
    rank = heading_rank(criteria[first])
    lines: list[str] = []
    for line in criteria[first:]:
        line_rank = heading_rank(line)
        if line_rank == rank:
            lines.append(line)
        elif line_rank is None:
            lines[-1] += line
        else:
            return None
    return criteria[:first], lines


def _stated(line: str) -> Decimal | None:
    """The points a line states: right after its name, else the first 计/记/得 N分 in it."""
    simple = to_simplified(strip_numbering(line))
    found = _AFTER_NAME.match(simple) or _STATED.search(simple) or _OWN_CLAUSE.search(simple)
    return Decimal(found.group(1)) if found else None
