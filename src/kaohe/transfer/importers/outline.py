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

from kaohe.textrules.normalize import to_simplified
from kaohe.transfer.importers.cells import scoring_words
from kaohe.transfer.importers.drafts import Draft
from kaohe.transfer.importers.headings import (
    MAX_NAME,
    NAME_END,
    add_criteria_line,
    heading_rank,
    names_a_group,
    read_heading,
)
from kaohe.transfer.importers.names import UNIT_ENDINGS, strip_numbering
from kaohe.transfer.importers.report import ImportReport
from kaohe.transfer.importers.runon import cut_at_enumerators
from kaohe.transfer.importers.stated import stated_points_become_items

# 「……重复访加倍扣分。.到市集体上访(6分)」: an item heading run onto the end of the line before,
# its numeral lost; it is read as a line of its own.
_GLUED_HEADING = re.compile(
    r"(?<=[。；;)）])\s*(?=[.．][^\d.．\s][^。；;]{1,40}?[（(][^（）()]*\d[^（）()]*分[^（）()]*[)）])"
)
# 「……考核细则 一、安全事故(共60分) 1、有人员伤亡的事故 (1)、……」: an outline run into one long line
# (PDF text, a page copied as one paragraph), each numbered line set off by a space.
_SPACED_ENUMERATOR = re.compile(
    r"\s+(?=[一二三四五六七八九十]{1,3}、|\d{1,2}、|[（(]\d{1,2}[)）]|[（(][一二三四五六七八九十]{1,3}[)）])"
)
MIN_RUN_LINE = 100
MAX_GROUP_NOTES = 2  # unnumbered lines a held group name may have before what it heads
MIN_RUN_PARTS = 3


def _run_line(line: str) -> list[str]:
    pieces = _SPACED_ENUMERATOR.split(line)
    if len(pieces) <= MIN_RUN_PARTS:
        pieces = cut_at_enumerators(line)
    if len(pieces) <= MIN_RUN_PARTS:
        return _GLUED_HEADING.split(line)
    return [part for piece in pieces for part in _GLUED_HEADING.split(piece)]


# 「初信初访化解率达到90%(7分)、重信重访化解率达到80%(7分)」: items listed in one line.
_LISTED_ITEM = re.compile(r"([^、，,；;。()（）]{2,40})[（(](\d+(?:\.\d+)?)分[)）]")
_LIST_SEPARATORS = "、，,；;。 "


@dataclass
class _Open:
    rank: float
    draft: Draft


@dataclass
class _Line:
    rank: float
    content: str
    where: str


_NUMERALS = "一二三四五六七八九十"
_OPENING = tuple("《“‘「『【（(")


def read_outline(text: str, report: ImportReport) -> Draft:
    """The indicators of a numbered outline, under a nameless root."""
    reader = _OutlineReader(report)
    for number, line in enumerate(_joined_open_brackets(text.split("\n")), 1):
        for piece in _GLUED_HEADING.split(line) if len(line) < MIN_RUN_LINE else _run_line(line):
            if piece.strip():
                reader.read_line(piece.strip(), f"第 {number} 行")
    reader.finish()
    _gather_orphans(reader.root, reader.top_ranks, report)
    _named_parts_become_items(reader.root)
    stated_points_become_items(reader.root)
    return reader.root


def _joined_open_brackets(lines: list[str]) -> list[str]:
    """A line that ends on an opening bracket or quote (「4)未按《」) runs on in the next line: the
    two are one line (the next left empty, so every line keeps its number)."""
    joined = list(lines)
    for index in range(len(joined) - 1):
        if joined[index].rstrip().endswith(_OPENING) and joined[index + 1].strip():
            joined[index] = joined[index].rstrip() + joined[index + 1].strip()
            joined[index + 1] = ""
    return joined


def _named_parts_become_items(draft: Draft) -> None:
    """「一、安全事故(共60分)」 「1、有人员伤亡的事故」 「(1)、死亡1人扣30分」 「(2)、……」
    「2、消防事故」 「(1)、……」: an item's criteria written as parts, each a numbered name
    without points over its own numbered lines, are items named by those names."""
    for child in draft.children:
        _named_parts_become_items(child)
    if draft.children or not draft.criteria:
        return
    parts = _parts(draft.criteria)
    if parts is None:
        return
    intro, named = parts
    draft.criteria[:] = intro
    for name, lines in named:
        item = Draft.from_text(strip_numbering(name), where=draft.where)
        item.raw = name
        for line in lines:
            item.add_criteria(line)
        draft.children.append(item)


def _parts(lines: list[str]) -> tuple[list[str], list[tuple[str, list[str]]]] | None:
    """The lines before the first named part, and each part's name and lines; None unless
    there are two parts or more, each with lines numbered below its name."""
    first = next((i for i, line in enumerate(lines) if _part_name(line, lines[i + 1 :])), None)
    if first is None:
        return None
    rank = heading_rank(lines[first])
    named: list[tuple[str, list[str]]] = []
    for line in lines[first:]:
        line_rank = heading_rank(line)
        if line_rank == rank and _PART_NAME.fullmatch(strip_numbering(line)):
            named.append((line, []))
        elif line_rank is not None and rank is not None and line_rank > rank:
            named[-1][1].append(line)
        else:
            return None
    if len(named) < 2 or not all(lines for _, lines in named):
        return None
    return lines[:first], named


# A part's name: short, no sentence punctuation, no digits (no points, no amounts).
_PART_NAME = re.compile(r"[^\d，,。；;：:]{2,20}")


def _part_name(line: str, after: list[str]) -> bool:
    rank = heading_rank(line)
    following = heading_rank(after[0]) if after else None
    return (
        rank is not None
        and following is not None
        and following > rank
        and bool(_PART_NAME.fullmatch(strip_numbering(line)))
    )


class _OutlineReader:
    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.root = Draft(name="")
        self.stack: list[_Open] = []
        self.collecting: Draft | None = None
        self.top_ranks: list[float] = []
        self.group: _Line | None = None
        self.group_notes: list[_Line] = []
        self.parts: list[Draft] = []  # numbered names opened as items over their scoring lines
        self.leading = _LeadingRows(report)

    def read_line(self, content: str, where: str) -> None:
        rank = heading_rank(content)
        if self.group is not None and rank is None and len(self.group_notes) < MAX_GROUP_NOTES:
            self.group_notes.append(_Line(0, content, where))  # 「实行百分基数制。」 under it
            return
        self.leading.settle(content, rank)
        heading = read_heading(content, where) if rank is not None else None
        scores = rank is not None and bool(scoring_words(to_simplified(content)))
        self._settle_group(rank if heading is not None else None, rank if scores else None)
        if rank is not None and names_a_group(content) and not self._flat_table():
            self.group = _Line(rank, content, where)  # a group if a heading numbered below follows
            return
        self._read(rank, heading, content, where)

    def finish(self) -> None:
        self._settle_group(None)
        self.leading.settle("", None)

    def _settle_group(self, next_heading: float | None, next_scoring: float | None = None) -> None:
        """The numbered name held back opens a group when the heading after it is numbered
        below it; in an outline whose parts carry points, it opens an item when scoring lines
        numbered below it follow (its criteria: 「(二)信息工作」 over 「1、……每条计5分。」), and so
        do its siblings after it. Otherwise it is read as any other line. The lines between it
        and what follows it (「实行累计加分制。」) describe it and are reported."""
        group, notes, self.group, self.group_notes = self.group, self.group_notes, None, []
        if group is None:
            return
        pointed = any(child.points is not None for child in self.root.children)
        below = next_heading if next_heading is not None or not pointed else next_scoring
        sibling = self.stack[-1].draft if self.stack and self.stack[-1].rank == group.rank else None
        if (below is not None and below > group.rank) or (sibling and sibling in self.parts):
            name = strip_numbering(group.content)
            self._open(group.rank, Draft(name=name, raw=group.content, where=group.where))
            if next_heading is None:
                self.parts.append(self.stack[-1].draft)
            for note in notes:
                self.report.ignore(note.where, note.content)
            return
        self._read(group.rank, None, group.content, group.where)
        for note in notes:
            self._read(None, None, note.content, note.where)

    def _read(self, rank: float | None, heading: Draft | None, content: str, where: str) -> None:
        if rank is not None and heading is not None:
            self._open(rank, heading)
        elif rank is None and self._flat_table() is not None:
            self._read_flat_line(content, where)
        elif rank is None and self.collecting and _listed_items(self.collecting, content):
            return
        elif self.collecting is not None and (rank is None or rank > self.stack[-1].rank):
            add_criteria_line(self.collecting, content)
        else:
            self._close(rank)
            self.collecting = None
            if self.stack or not self.leading.hold(_Line(rank or 0, content, where)):
                self.report.ignore(where, content)

    def _open(self, rank: float, heading: Draft) -> None:
        self._close(rank)
        parent = self.stack[-1].draft if self.stack else self.root
        _numbered_lines_become_items(parent, rank)
        parent.children.append(heading)
        if not self.stack:
            self.top_ranks.append(rank)
            self.leading.heading(heading, rank)
        self.stack.append(_Open(rank, heading))
        self.collecting = heading

    def _close(self, rank: float | None) -> None:
        while rank is not None and self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()

    def _flat_table(self) -> _Open | None:
        """The open indicator whose items are a table flattened into lines, if any:
        「（六）自身建设（每小项倒扣分2分）」 followed by 考核内容 / 考核细则 / 单位 one a line."""
        return next((item for item in self.stack if item.draft.child_defaults), None)

    def _read_flat_line(self, content: str, where: str) -> None:
        table = self._flat_table()
        assert table is not None
        kind = flat_line_kind(content)
        item = next((o for o in self.stack if o.rank == table.rank + _ITEM), None)
        if kind == "header":
            return
        if kind == "name" and item is not None and _only_named(item.draft):
            item.draft.name += content  # a name wrapped onto a second line
            item.draft.raw += content
        elif kind == "name":
            self._open(table.rank + _ITEM, Draft(name=content, raw=content, where=where))
        elif kind == "unit" and item is not None:
            self._close(table.rank + _ITEM + _ITEM / 2)
            self.collecting = item.draft
            item.draft.add_assessor(content)
        elif self.collecting is not None:
            add_criteria_line(self.collecting, content)


class _LeadingRows:
    """「1.……记3分。」 … 「4.……」 「（一）纪律教育(3分)」 「5.……」: a table flattened into text
    with its category cell centred down its rows prints the category's name after its first
    rows. Scoring rows numbered 1, 2 … before the first heading, whose numbering the
    rows after the heading carry on, are that heading's; otherwise they are reported."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.rows: list[_Line] = []
        self.first: Draft | None = None

    def hold(self, line: _Line) -> bool:
        scores = bool(scoring_words(to_simplified(line.content)))
        if self.first is None and scores and _row_number(line.content) == len(self.rows) + 1:
            self.rows.append(line)
            return True
        return False

    def heading(self, draft: Draft, rank: float) -> None:
        if self.rows and self.first is None and rank < self.rows[0].rank:
            self.first = draft

    def settle(self, content: str, rank: float | None) -> None:
        """At the first row after the heading: carried on, the rows are the heading's."""
        finished = not content
        if not self.rows or not (finished or (self.first and rank == self.rows[0].rank)):
            return
        if self.first is not None and _row_number(content) == len(self.rows) + 1:
            self.first.criteria[:0] = [row.content for row in self.rows]
        else:
            for row in self.rows:
                self.report.ignore(row.where, row.content)
        self.rows, self.first = [], None


def _row_number(line: str) -> int:
    number = _ROW_NUMBER.match(line)
    return int(number.group(1)) if number else 0


_ROW_NUMBER = re.compile(r"^\s*(\d{1,2})[.．、](?!\d)")
_ITEM = 0.5  # a flattened table's items sit between their indicator and its numbered sub-items
_FLAT_HEADERS = {"考核", "内容", "考核内容", "考核细则", "考核标准", "考核项目", "单位", "考核单位"}
_FLAT_PUNCTUATION = re.compile(r"[，,。；;：:、]")
_NOT_UNIT_ENDINGS = (")", "）", "干部")
MAX_FLAT_NAME = 12


def _listed_items(parent: Draft, line: str) -> bool:
    """A line listing the items of an indicator, each with its points, that together make the
    indicator's points: they become its items. Any other line is left to be criteria."""
    items = list(_LISTED_ITEM.finditer(line))
    rest = _LISTED_ITEM.sub("", line).strip(_LIST_SEPARATORS)
    if len(items) < 2 or rest or parent.children or parent.points is None:
        return False
    if sum(Decimal(item.group(2)) for item in items) != parent.points:
        return False
    for item in items:
        parent.children.append(Draft.from_text(item.group(0).strip(_LIST_SEPARATORS)))
    return True


def _only_named(draft: Draft) -> bool:
    return not (draft.criteria or draft.assessors or draft.children)


def flat_line_kind(line: str) -> str:
    """header, name (a short plain phrase), unit (a short phrase ending like a unit) or text."""
    if line in _FLAT_HEADERS:
        return "header"
    if len(line) > MAX_FLAT_NAME or _FLAT_PUNCTUATION.search(line):
        return "text"
    # 「依法行政(政务公开)」 and 「老干部」(工作) end like units but name items.
    if line.endswith(_NOT_UNIT_ENDINGS) or not line.endswith((*UNIT_ENDINGS, "等")):
        return "name"
    return "unit"


def _numbered_lines_become_items(parent: Draft, rank: float) -> None:
    """「2.落实责任制(10分)」 「(1)……每次得1分,最多得6分。」 「(2)领导接访包案(4分)……」: when
    an item numbered like (2) opens, the (1) read before it as its parent's criteria (it had no
    points to open an item) is an item too, named by its first clause."""
    if parent.children or not parent.criteria:
        return
    if not all(heading_rank(line) == rank for line in parent.criteria):
        return
    for line in parent.criteria:
        body = strip_numbering(line)
        name = NAME_END.split(body, maxsplit=1)[0][:MAX_NAME]
        item = Draft(name=name, raw=line)
        item.add_criteria(body)
        parent.children.append(item)
    parent.criteria.clear()


def _gather_orphans(root: Draft, ranks: list[float], report: ImportReport) -> None:
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
