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


_NUMERALS = "一二三四五六七八九十"
_VETO = re.compile(r"一票否决")


def read_outline(text: str, report: ImportReport) -> Draft:
    """The indicators of a numbered outline, under a nameless root."""
    root = Draft(name="")
    stack: list[_Open] = []
    collecting: Draft | None = None
    ranks: list[int] = []
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
            if not stack:
                ranks.append(rank)
            stack.append(_Open(rank, heading))
            collecting = heading
        elif collecting is not None and (rank is None or rank > stack[-1].rank):
            add_criteria_line(collecting, content)
        else:
            while rank is not None and stack and stack[-1].rank >= rank:
                stack.pop()
            collecting = None
            report.ignore(f"第 {number} 行", content)
    _gather_orphans(root, ranks, report)
    return root


def _gather_orphans(root: Draft, ranks: list[int], report: ImportReport) -> None:
    """Top-level items numbered below the document's top level (「（三）」 before 「二、」) are
    what is left of a lost first part: they go under a placeholder for the missing section."""
    top = min(ranks, default=0)
    orphans = 0
    while orphans < len(ranks) and ranks[orphans] > top:
        orphans += 1
    if not orphans or orphans == len(ranks):
        return
    first = next(child for child, rank in zip(root.children, ranks, strict=False) if rank == top)
    numeral = _previous_numeral(first.raw)
    placeholder = Draft(name=f"{numeral}（原文缺页）", children=root.children[:orphans])
    root.children[:orphans] = [placeholder]
    report.notes.append(f"文件开头缺少上级标题，已将前 {orphans} 项归入「{placeholder.name}」")


def _previous_numeral(heading: str) -> str:
    """「二、职能工作」 → 一: the number of the section the lost part belonged to."""
    match = re.search(f"[{_NUMERALS}]", heading)
    if match and _NUMERALS.index(match.group(0)) > 0:
        return _NUMERALS[_NUMERALS.index(match.group(0)) - 1]
    return ""


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
    elif _VETO.search(body.split("。")[0]):
        draft = Draft(name="一票否决", raw=line, points=Decimal(0), where=where)
        draft.facts["kind"] = "penalty"
        rest = body.partition("。")[2] if "。" in body else ""
    else:
        name = _NAME_END.split(body, maxsplit=1)[0]
        if not (_BONUS.search(name) and len(name) <= MAX_NAME // 2):
            return None
        draft = Draft.from_text(name, where=where)
        rest = body[len(name) :]
    add_criteria_line(draft, rest.lstrip("。；;，,：: "))
    draft.raw = line
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
