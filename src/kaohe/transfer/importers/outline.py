"""Numbered prose (第一条 / 一、 / （一） / 1. / （1）) → indicators.

A numbered heading that carries points — 「（一）重点工作落实情况（15分）」 — or names a bonus
section opens an indicator; the numbering style decides its depth. Numbered lines without points
below an indicator (「1.未按时报送……每次扣1分;」) are its criteria. Anything else is reported
as ignored, so nothing is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kaohe.transfer.importers.drafts import Draft
from kaohe.transfer.importers.names import strip_numbering
from kaohe.transfer.importers.report import ImportReport

HEADING_RANKS: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(pattern), rank)
    for pattern, rank in (
        (r"第[一二三四五六七八九十百]+章", 0),
        (r"第[一二三四五六七八九十百]+条", 1),
        (r"[一二三四五六七八九十]+[、.．]", 2),
        (r"[（(][一二三四五六七八九十]+[)）]", 3),
        (r"\d+[.．、](?!\d)", 4),
        (r"[（(]\d+[)）]", 5),
        (r"[①-⑳]", 6),
    )
)
_ANNOTATION = re.compile(r"[（(][^（）()]*?\d[^（）()]*?[)）]")
_ASSESSED_BY = re.compile(r"[（(]由([^（）()]+?)(?:牵头)?考核[)）]")
_ASSESSOR_NOTE = re.compile(
    r"[（(](?:负责考核科室|考核科室|考评单位|考核单位)[:：]\s*([^（）()]+)[)）]"
)
_PENALTY = re.compile(r"倒扣分?\s*(\d+(?:\.\d+)?)\s*分")
_BONUS = re.compile(r"加分|正向激励")
_NAME_END = re.compile(r"[。；;：:，,]")
MAX_NAME = 40


@dataclass
class _Open:
    rank: int
    draft: Draft


def read_outline(text: str, report: ImportReport) -> Draft:
    """The indicators of a numbered outline, under a nameless root."""
    root = Draft(name="")
    stack: list[_Open] = []
    collecting: Draft | None = None
    for number, line in enumerate(text.split("\n"), 1):
        content = line.strip()
        if not content:
            continue
        rank = heading_rank(content)
        heading = read_heading(content, f"第 {number} 行") if rank is not None else None
        if rank is not None and heading is not None:
            while stack and stack[-1].rank >= rank:
                stack.pop()
            (stack[-1].draft if stack else root).children.append(heading)
            stack.append(_Open(rank, heading))
            collecting = heading
        elif collecting is not None and (rank is None or rank > stack[-1].rank):
            add_criteria_line(collecting, content)
        else:
            while rank is not None and stack and stack[-1].rank >= rank:
                stack.pop()
            collecting = None
            report.ignore(f"第 {number} 行", content)
    return root


def heading_rank(line: str) -> int | None:
    for pattern, rank in HEADING_RANKS:
        if pattern.match(line):
            return rank
    return None


def read_heading(line: str, where: str) -> Draft | None:
    """The indicator a numbered line opens, or None when it is only a numbered sentence."""
    body = strip_numbering(line)
    annotation = _ANNOTATION.search(body)
    if annotation and len(body[: annotation.start()].strip("。 ")) <= MAX_NAME:
        name = body[: annotation.start()].rstrip("。 ")
        draft = Draft.from_text(name + annotation.group(0), where=where)
        _penalty_allowance(draft, annotation.group(0))
        rest = body[annotation.end() :]
    else:
        name = _NAME_END.split(body, maxsplit=1)[0]
        if not (_BONUS.search(name) and len(name) <= MAX_NAME // 2):
            return None
        draft = Draft.from_text(name, where=where)
        rest = body[len(name) :]
    add_criteria_line(draft, rest.lstrip("。；;，,：: "))
    return draft


def add_criteria_line(draft: Draft, text: str) -> None:
    """Append a criteria line, lifting 「（由市纪委考核）」-style assessor notes out of it."""
    for pattern in (_ASSESSED_BY, _ASSESSOR_NOTE):
        for match in pattern.finditer(text):
            draft.add_assessor(match.group(1))
        text = pattern.sub("", text)
    draft.add_criteria(text)


def _penalty_allowance(draft: Draft, annotation: str) -> None:
    """「（每小项倒扣分2分）」 names no points of its own but still marks a penalty item."""
    match = _PENALTY.search(annotation)
    if draft.points is None and match:
        draft.points = Decimal(match.group(1))
        draft.facts.setdefault("kind", "penalty")
