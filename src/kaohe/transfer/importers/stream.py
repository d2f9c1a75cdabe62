"""Any text as a stream of cells: the reader for documents no table or outline reader took.

Offices paste their tables in every shape — one cell a line, cells split by ``|`` or box-drawing
rules, columns run together from a PDF, names written one character a line. Whatever the shape,
a document is a stream of cells, and each cell is one of a few things:

- a **header** (考核项目, 分值, 评分标准 …), skipped;
- **points** (「10」, 「20分」) right after a name, or a **serial** (1, 2, 3 …) before a row;
- a **name** of an indicator: short, no scoring words, no sentence end;
- a **unit** (市平安办, 督查科) after criteria: the item's assessor;
- **criteria**: any cell with a scoring word, or a sentence that describes the item.

A name followed by another name or by a serial opens a group; a name followed by points or
criteria opens an item. Numbered headings (一、 (一) 1.) nest by their numbering as in an outline.
Nothing is dropped: a cell that fits nowhere is reported as ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kaohe.transfer.importers.amounts import amounts_in_standard
from kaohe.transfer.importers.cells import (
    FIRST_CLAUSE,
    GLUED_SERIAL,
    NUMBER_CELL,
    Cell,
    cells_of,
    kind_of,
    scoring_words,
)
from kaohe.transfer.importers.drafts import Draft, named_by_first_clause
from kaohe.transfer.importers.headings import add_criteria_line, heading_rank
from kaohe.transfer.importers.names import strip_numbering
from kaohe.transfer.importers.report import ImportReport
from kaohe.transfer.importers.scoring_kept import scoring_in
from kaohe.transfer.importers.sections import drop_prose_parts
from kaohe.transfer.importers.stream_header import (
    above_table,
    criterion_serial,
    name_draft,
    numbered_parts,
    row_draft,
    rows_above_header,
    table_start,
)


@dataclass
class _Level:
    rank: float
    draft: Draft


@dataclass
class _StreamReader:
    report: ImportReport
    root: Draft = field(default_factory=lambda: Draft(name=""))
    stack: list[_Level] = field(default_factory=list)
    item: Draft | None = None
    requirement: Draft | None = None  # a row opened by its requirement, waiting for its points
    serial: int = 0
    skip: int = -1  # a cell already accounted for: the number after 「合计」
    serial_at: int = -1  # where the last row's serial stood
    over_plain_groups: bool = False  # pointed parts head groups without points: 「构建交通网络」
    amounts: bool = False
    """The header names a standard column and no points column: a number after a name is the
    row's amount, not its points."""

    def read(self, cells: list[Cell]) -> None:
        self.cells = cells = numbered_parts(cells)
        self.kinds = [kind_of(cell.text) for cell in cells]
        body = table_start(cells, self.kinds)
        rows_above = rows_above_header(cells, self.kinds, body)
        headers = [cell.text for cell, kind in zip(cells[:body], self.kinds, strict=False)]
        self.amounts = amounts_in_standard(
            [text for text, kind in zip(headers, self.kinds, strict=False) if kind == "header"]
        )
        for index, cell in enumerate(cells):
            if rows_above <= index < body and above_table(cell, self.kinds[index]):
                if self.kinds[index] != "header":
                    self.report.ignore(cell.where, cell.text)
                continue
            if index == self.skip:
                self.report.ignore(cell.where, cell.text)
                continue
            self._take(index, cell, self.kinds[index])

    def _text_at(self, index: int) -> str:
        return self.cells[index].text if index < len(self.cells) else ""

    def _kind_at(self, index: int) -> str:
        return self.kinds[index] if index < len(self.kinds) else ""

    def _is_serial(self, index: int) -> bool:
        """A number is a row's serial when it counts on from the last one and text follows."""
        match = NUMBER_CELL.match(self.cells[index].text)
        value = Decimal(match.group("value")) if match else None
        return value == self.serial + 1 and self._kind_at(index + 1) in ("name", "text")

    def _take(self, index: int, cell: Cell, kind: str) -> None:
        if kind == "header":
            return
        # 「机构运行」 | 「10」: a name that ends like a unit (运行, 银行) is a name before points.
        points_next = self._kind_at(index + 1) == "number" and not self._is_serial(index + 1)
        if kind == "furniture":
            self.report.ignore(cell.where, cell.text)
        elif kind == "number":
            self._number(index, cell)
        elif kind in ("name", "text") and self._goes_on(index, cell, points_next):
            self._criteria(cell)
        elif self._requirement_row(index):
            self._open_requirement(cell)
        elif self._numbered_item(index):
            self._open(row_draft(cell), self._row_rank(cell))
        elif self._event_row(kind):
            self._open(named_by_first_clause(row_draft(cell)), _LEAF)
        elif kind == "criteria" or (kind == "text" and self.item is not None):
            self._criteria(cell)
        elif kind == "name" and _TOTAL_ROW.match(cell.text.replace(" ", "")):
            self._total(index, cell)
        elif kind == "unit" and self.item is not None and self.item.criteria and not points_next:
            self.item.add_assessor(cell.text)
        elif kind == "name" and self._describes_item(index, cell):
            self._criteria(cell)
        else:
            self._name(index, cell)

    def _total(self, index: int, cell: Cell) -> None:
        """「合计」 | 「100」: the table's total, reported with its number, never an indicator."""
        self.report.ignore(cell.where, cell.text)
        if self._kind_at(index + 1) == "number":
            self.skip = index + 1

    def _next_criterion(self, index: int, cell: Cell) -> bool:
        """「1、……每完成一件加1分;」 then 「2、承办单位答复意见未按规定」 (no points, no row after
        it): the next numbered line of the item's criteria, not an item of its own; so is
        「(3)……。」 after 「(2)……。」 in a target cell, with the row's points after it, and a list
        「(1)听取汇报;」 「(2)……」 starting again after the item's scoring criteria (its method)."""
        last = self.item.criteria[-1] if self.item is not None and self.item.criteria else ""
        before, this = criterion_serial(last), criterion_serial(cell.text)
        if before is None or this is None or before[1] != this[1]:
            return False
        if Draft.from_text(cell.text).points is not None:
            return False  # 「2、……(30分)」 heads its own
        next_kind = self._kind_at(index + 1)
        if this[0] == before[0] + 1:
            unscored = self.item is not None and self.item.points is None
            bracketed = this[1] == "(" and next_kind == "number" and unscored
            return bracketed or next_kind not in ("number", "criteria")
        method = this[0] == 1 and cell.text.endswith(_SENTENCE_ENDS) and scoring_words(last) > 0
        return method and next_kind not in ("number", "criteria")

    def _describes_item(self, index: int, cell: Cell) -> bool:
        return (
            self._next_criterion(index, cell)
            or self._remark(index)
            or self._content_after_points(index)
        )

    def _content_after_points(self, index: int) -> bool:
        """「信息畅通」 | 「10分」 | 「按要求报送信息和相关数据。」 | 「每少报一次扣2分。」: a short
        sentence right after an item's points is what the item asks (its 内容 cell), not a row."""
        text, item = self.cells[index].text, self.item
        if item is None or item.points is None or item.criteria or item.children:
            return False
        sentence = text.endswith(_SENTENCE_ENDS) and heading_rank(text) is None
        return sentence and self._kind_at(index - 1) == "number" and not self._is_serial(index - 1)

    def _remark(self, index: int) -> bool:
        """「……的。 每次扣5分。 由督查局提供依据。」: a sentence after the criteria on the same
        line is the row's remark (备注), not the next row."""
        cell, before = self.cells[index], self.cells[index - 1] if index else None
        same_row = before is not None and before.line == cell.line and self.item is not None
        sentence = cell.text.endswith(_SENTENCE_ENDS) and heading_rank(cell.text) is None
        last_cell = self._kind_at(index + 1) != "number"  # a requirement before its points
        return same_row and sentence and last_cell and self.kinds[index - 1] == "criteria"

    def _number(self, index: int, cell: Cell) -> None:
        if self._is_serial(index):
            self.serial += 1
            self.serial_at = index
            self.item = None  # the next cell names the row's item
            return
        value = Decimal(NUMBER_CELL.match(cell.text).group("value"))  # type: ignore[union-attr]
        item = self.item
        bare = item is not None and not item.criteria and not item.children
        if item is not None and bare and self.amounts:
            item.amount = value  # 「受到通报批评的」 | 「15」 under 加扣分标准: the row's amount
            item.add_criteria(cell.text)
        elif item is not None and item.points is None and (bare or self._described_only(item)):
            item.points = value
        elif item is not None and bare and self._group_points_before(index, item):
            self.stack[-2].draft.points, item.points = item.points, value
        else:
            self.report.ignore(cell.where, cell.text)

    def _group_points_before(self, index: int, item: Draft) -> bool:
        """「综合类」 | 「1、坚持机制创新……」 | 「30分」 | 「10」: columns 项目 | 内容 | 项目分值 |
        标准分值, the group's points printed in its first row, after that row's item: the first
        number is the group's, the second the item's."""
        if self._kind_at(index - 1) != "number" or len(self.stack) < 2:
            return False
        group = self.stack[-2].draft
        return self.stack[-1].draft is item and group.points is None and group.children == [item]

    def _described_only(self, item: Draft) -> bool:
        """A row's requirement, or an item whose lines so far only describe it (a target cell's
        「(1)……。」 「(2)……。」): its points come next."""
        if item is self.requirement:
            return True
        return not item.children and not any(scoring_words(text) for text in item.criteria)

    def _criteria(self, cell: Cell) -> None:
        if self.item is None:
            parent = self.stack[-1].draft if self.stack else None
            if parent is not None and not parent.children:
                self.item = parent
            else:
                self._open(Draft(name="未命名指标", where=cell.where), _LEAF)
        assert self.item is not None
        add_criteria_line(self.item, cell.text)

    def _event_row(self, kind: str) -> bool:
        """Under 加扣分事项 | 加扣分标准 a sentence after a complete row is the next row's event
        (「受到市委市政府通报批评,或……约谈的」 | 「5」), not more of the last row's standard."""
        complete = self.item is not None and bool(self.item.criteria)
        return self.amounts and kind == "text" and complete

    def _numbered_item(self, index: int) -> bool:
        """「1.成立信访工作领导小组……。」 followed by its points (「8分」): a numbered row."""
        cell = self.cells[index]
        if self.kinds[index] not in ("text", "name") or heading_rank(cell.text) is None:
            return False
        if self._points_then_first_row(index + 1) or self._next_criterion(index, cell):
            return False  # a part heading its rows; the last line of a target cell
        return self._kind_at(index + 1) == "number" and not self._is_serial(index + 1)

    def _requirement_row(self, index: int) -> bool:
        """「实施方案按时出台;……三落实。」 | 「5」 | 「每缺一项扣0.5分」: a row whose requirement
        (a sentence, or a numbered line) leads, then its points, then its criteria."""
        cell = self.cells[index].text
        sentence = bool(FIRST_CLAUSE.search(cell.rstrip("。；;"))) and cell.endswith(
            ("。", "；", ";")
        )
        text = self.kinds[index] == "text" or (
            self.kinds[index] == "name" and (heading_rank(cell) is not None or sentence)
        )
        return (
            text
            and self._kind_at(index + 1) == "number"
            and not self._is_serial(index + 1)
            and self._kind_at(index + 2) == "criteria"
            and not self._serial_row_goes_on(index)
        )

    def _goes_on(self, index: int, cell: Cell, points_next: bool) -> bool:
        """The next line of the item's criteria, or of the requirement its row opened with."""
        if self._next_criterion(index, cell):
            return True
        return points_next and self._serial_row_goes_on(index)

    def _serial_row_goes_on(self, index: int) -> bool:
        """「2」 | 「有满足需要的标准化党员活动室。」 | 「面积原则上不低于20平方米……」 | 「4」: the
        row its serial opened runs on over a second line before its points — its requirement."""
        item = self.item
        bare = item is not None and not (item.criteria or item.children or item.points)
        requirement = self.cells[index - 1].text.endswith(_SENTENCE_ENDS)
        return bare and requirement and self.serial_at == index - 2

    def _open_requirement(self, cell: Cell) -> None:
        """The row's item is named by its requirement's first clause; the whole requirement is
        its description. It follows the row before as a sibling; a heading above it that has
        only a name and points heads it as a group."""
        top = self.stack[-1] if self.stack else None
        heading = top is not None and top.draft is self.item and top.rank >= _LEAF
        if heading and top is not None and not (top.draft.criteria or top.draft.children):
            top.rank = _GROUP
        rank = self._row_rank(cell)
        requirement = GLUED_SERIAL.sub("", strip_numbering(cell.text), count=1)
        draft = Draft.from_text(FIRST_CLAUSE.split(requirement, maxsplit=1)[0], where=cell.where)
        add_criteria_line(draft, requirement)
        self._open(draft, rank)
        self.requirement = draft

    def _row_rank(self, cell: Cell) -> float:
        """A row follows a complete row (one with criteria) as its sibling; under a heading it
        nests by its numbering."""
        top = self.stack[-1] if self.stack else None
        if top is not None and top.draft is self.item and top.draft.criteria:
            return top.rank
        return _LEAF + (heading_rank(cell.text) or 0)

    def _name(self, index: int, cell: Cell) -> None:
        """A numbered heading nests by its numbering; a plain name heads a group when names or
        serial rows follow it, and is an item when points or criteria do."""
        draft = name_draft(cell, points_next=self._kind_at(index + 1) == "number")
        if self._printed_again(draft):
            self.report.ignore(cell.where, cell.text)
            return
        rank = heading_rank(cell.text)
        next_kind = self._kind_at(index + 1)
        heads_rows = next_kind in ("name", "unit") or (
            next_kind == "number" and self._is_serial(index + 1)
        )
        numbered_next = heading_rank(self._text_at(index + 1)) is not None
        if draft.points is not None and numbered_next and next_kind != "criteria":
            heads_rows = True  # 「领导重视(20分)」 above 「1.成立……」, not above 「1.…扣0.25分」
        if draft.points is not None and index + 1 < len(self.cells):
            heads_rows = heads_rows or self._requirement_row(index + 1)
        if self._points_then_first_row(index + 1):
            heads_rows = True  # its rows count from 1 again, or count on through the table
            self.serial = self._number_at(index + 2) - 1
        if rank is not None and draft.points is None and not heads_rows:
            self._close(rank)  # 「二、信息重点」 leaves what 「一、」 opened, plain groups too
            rank = None  # 「1、上报实施方案」 in a row: an item, not a heading
        if rank is not None:
            self._open(draft, rank)
        elif draft.points is not None and self._heads_groups(index):
            self._open(draft, _GROUP - 1)  # 「常规工作(70分)」 over 「基本组织(13分)」 over rows
        elif heads_rows and not (self.item is None and self.serial and next_kind != "number"):
            self._open(draft, _GROUP)
        else:
            self._open(draft, _LEAF)

    def _printed_again(self, draft: Draft) -> bool:
        """「建设面积 与质量」 at a page's top: a group's merged cell printed again on the next
        page continues the group it names, as in a table."""
        name = draft.name.replace(" ", "")
        groups = (level.draft.name.replace(" ", "") for level in self.stack[:-1])
        return len(name) >= MIN_REPEATED_NAME and name in groups

    def _points_then_first_row(self, index: int) -> bool:
        """「组织领导」 | 「10分」 | 「1」 | 「成立……」: a part's points, then its first row
        (numbered 1, or on from the last row: 「理论武装」 | 「10分」 | 「4」)."""
        first = NUMBER_CELL.match(self._text_at(index + 1))
        return (
            self._kind_at(index) == "number"
            and not self._is_serial(index)
            and first is not None
            and Decimal(first.group("value")) in (1, self.serial + 1)
            and self._kind_at(index + 2) in ("name", "text")
        )

    def _heads_groups(self, index: int) -> bool:
        """「常规工作(70分)」 over 「基本组织(13分)」, or over 「构建交通网络」 | 「1」 (a group
        without points over its serial rows); a pointed name after such a head is its sibling."""
        if self._pointed_name_at(index + 1):
            return True
        if self._kind_at(index + 1) != "name":
            return False
        serial_after = NUMBER_CELL.match(self._text_at(index + 2))
        if serial_after and self._number_at(index + 2) == self.serial + 1:
            self.over_plain_groups = self._kind_at(index + 3) in ("name", "text")
            return self.over_plain_groups
        return self.over_plain_groups and any(level.rank == _GROUP - 1 for level in self.stack)

    def _number_at(self, index: int) -> int:
        found = NUMBER_CELL.match(self._text_at(index))
        return int(Decimal(found.group("value"))) if found else 0

    def _pointed_name_at(self, index: int) -> bool:
        text = self._text_at(index)
        return (
            self._kind_at(index) == "name"
            and heading_rank(text) is None
            and (Draft.from_text(text).points is not None)
        )

    def _close(self, rank: float) -> None:
        """Leave every level opened at ``rank`` or below it."""
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()

    def _open(self, draft: Draft, rank: float) -> None:
        self._close(rank)
        parent = self.stack[-1].draft if self.stack else self.root
        parent.children.append(draft)
        self.stack.append(_Level(rank, draft))
        self.item = draft


_TOTAL_ROW = re.compile(r"^(?:合计|总计|汇总|总分|小计)[:：]?$")
_SENTENCE_ENDS = ("。", "；", ";")
MIN_REPEATED_NAME = 2
_GROUP = 50.0  # a plain name above rows: below every numbered heading, above plain items
_LEAF = 60.0


def read_stream(text: str, report: ImportReport) -> Draft:
    """The indicators of any text read as a stream of cells, under a nameless root; an empty
    root when no cell scores anything (then the text is not an assessment document)."""
    ignored = len(report.cells_ignored)
    reader = _StreamReader(report)
    reader.read(cells_of(text))
    drop_prose_parts(reader.root, report)
    if not scoring_in(reader.root):
        report.forget_ignored(ignored)
        return Draft(name="")
    return reader.root
