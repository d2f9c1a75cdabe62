"""Turning a table (sheet, docx table, tab dump) into an indicator tree.

The hierarchy columns (一级指标, 二级指标, …) are read left to right: a cell with its own text
opens an indicator at that level, an empty or merged-over cell continues the one above. The
deepest indicator a row opens receives the row's points, criteria and owners.
"""

from __future__ import annotations

import re

from kaohe.textrules.normalize import to_simplified
from kaohe.textrules.vocabulary import SCORING_WORD
from kaohe.transfer.importers.amounts import bare_amount
from kaohe.transfer.importers.drafts import Draft, named_by_first_clause
from kaohe.transfer.importers.grid import Cell, Grid
from kaohe.transfer.importers.headers import (
    ASSESSOR,
    CONTENT,
    CRITERIA,
    LEADERS,
    PERSONS,
    POINTS,
    TARGET,
    UNITS,
    Columns,
    find_columns,
    is_repeated_header,
)
from kaohe.transfer.importers.headings import names_a_group
from kaohe.transfer.importers.names import NamedPoints, parse_points
from kaohe.transfer.importers.report import ImportReport

NOTE_ROW = re.compile(r"^\s*(备注|注[:：]|说明[:：]|合计|总计|总分|抄送|印发|附件[:：])")
MAX_TITLE = 60
_PROSE = re.compile(r"[。；;]|\n|^\s*\d+[.．、]")


class TableReader:
    """Reads data rows into drafts under one root; one reader may take several tables."""

    def __init__(self, report: ImportReport, *, exported: bool = False) -> None:
        self.root = Draft(name="")
        self.report = report
        self.exported = exported
        """A kaohe export: its names are a scheme's, kept as written however long."""
        self.columns: Columns | None = None
        self.preamble: list[Cell] = []
        self._path: list[Draft | None] = []
        self._in_notes = False
        self.group: Draft | None = None

    def read(self, grid: Grid, above: str = "") -> bool:
        """Read one grid; a grid without a header row continues the previous table's columns.
        ``above`` is the line printed right above the table, if any (a docx paragraph)."""
        found = find_columns(grid)
        first = 0
        if found is not None:
            header_at, self.columns = found
            first = header_at + self.columns.header_rows
            self._path = [None] * len(self.columns.level_columns)
            written = [c for row in grid.rows[:header_at] for c in row if c.text and not c.merged]
            last = written[-1] if written else Cell(above)
            self.group = self._table_group(last)
            self.preamble.extend(c for c in written if self.group is None or c is not last)
        elif self.columns is None or grid.width != len(self.columns.roles):
            for row in grid.rows:
                self._ignore_row(row)
            return False
        for row in grid.rows[first:]:
            self._read_row(row)
        return True

    def _table_group(self, above: Cell) -> Draft | None:
        """「一、综合绩效评价指标」 right above a table's header: a group holding its rows."""
        if not names_a_group(above.text):
            return None
        group = Draft.from_text(above.text, where=above.where)
        self.root.children.append(group)
        return group

    def title(self, found: str = "") -> str:
        """The document title: ``found`` elsewhere, or the first line above the header row.
        Everything else above the header is reported as ignored."""
        title = found
        for cell in self.preamble:
            if not title and len(cell.text) <= MAX_TITLE:
                title = cell.text
            elif cell.text != title:
                self.report.ignore(cell.where or "表头上方", cell.text)
        return " ".join(title.split())

    def _read_row(self, row: list[Cell]) -> None:
        assert self.columns is not None
        if not any(cell.text for cell in row) or is_repeated_header(row):
            return
        if NOTE_ROW.match(row[0].text) or (len(self.columns.level_columns) == 0):
            self._in_notes = True
            self._ignore_row(row)
            return
        if self._in_notes and not self._has_data(row) and not _scores(row):
            self._ignore_row(row)  # 「说明：」 then 「1.材料以正式文件为准」: the notes go on
            return
        self._in_notes = False
        leaf = self._open_indicators(row)
        if leaf is None:
            self._ignore_row(row)
            return
        self._fill(leaf, row)

    def _open_indicators(self, row: list[Cell]) -> Draft | None:
        assert self.columns is not None
        leaf: Draft | None = None
        opened_here: Draft | None = None
        for level, column in enumerate(self.columns.level_columns):
            cell = _cell(row, column)
            current = self._path[level]
            if not cell.text or cell.merged or (opened_here is None and _repeats(cell, current)):
                if opened_here is None:
                    leaf = current or leaf
                continue
            if opened_here is not None and self._is_description(opened_here, cell, row):
                opened_here.add_criteria(cell.text)
                break
            leaf = opened_here = self._open(level, cell)
        if opened_here is None and not self._has_data(row):
            return None
        return leaf

    def _open(self, level: int, cell: Cell) -> Draft:
        top = self.group or self.root
        parent = next((draft for draft in reversed(self._path[:level]) if draft), top)
        draft = Draft.from_text(cell.text, where=cell.where)
        if not self.exported and _written_out(cell.text):
            draft = named_by_first_clause(draft)
        parent.children.append(draft)
        self._path[level] = draft
        for deeper in range(level + 1, len(self._path)):
            self._path[deeper] = None
        return draft

    def _is_description(self, parent: Draft, cell: Cell, row: list[Cell]) -> bool:
        """A deeper hierarchy cell holding a sentence about its parent, not an indicator.

        「举办单位评价（5）」 followed by 「主要包括对领导班子……的满意情况」 in the 三级 column.
        """
        child = Draft.from_text(cell.text)
        if child.points is not None or parent.points is None or self._text_of(row, POINTS):
            return False
        if _NAMED_ITEM.match(cell.text):
            return False  # 「5、确权划界依法管护」 after items 1 to 4: the next item, cut short
        return not self._text_of(row, CRITERIA) or bool(_PROSE.search(cell.text))

    def _fill(self, leaf: Draft, row: list[Cell]) -> None:
        for text in (self._text_of(row, CONTENT), self._text_of(row, TARGET)):
            leaf.add_criteria(text)
        criteria = self._text_of(row, CRITERIA)
        leaf.add_criteria(criteria)
        if not self._text_of(row, POINTS):
            leaf.amount = bare_amount(criteria)
        if self._points_per_level():
            self._level_points(row)
        else:
            self._row_points(leaf, row)
        leaf.add_assessor(self._text_of(row, ASSESSOR))
        leaf.add_owners(
            leaders=self._text_of(row, LEADERS),
            units=self._text_of(row, UNITS),
            persons=self._text_of(row, PERSONS),
        )
        self._ignore_stray(row)

    def _row_points(self, leaf: Draft, row: list[Cell]) -> None:
        points = parse_points(self._text_of(row, POINTS))
        owner = self._points_owner(leaf, row, points) if points is not None else leaf
        if points is not None and owner is not None:
            owner.points = points.points
            owner.facts.update(points.node)

    def _points_per_level(self) -> bool:
        """「项目 | 分值 | 考核标准 | 单项分值」: a points column for each level of indicators."""
        assert self.columns is not None
        levels = len(self.columns.level_columns)
        return levels > 1 and len(self.columns.of(POINTS)) == levels

    def _level_points(self, row: list[Cell]) -> None:
        """Each level's points from its own column, in order; a merged cell was taken where
        its indicator opened."""
        assert self.columns is not None
        for draft, column in zip(self._path, self.columns.of(POINTS), strict=True):
            cell = _cell(row, column)
            points = parse_points(cell.text) if not cell.merged else None
            if draft is not None and points is not None and draft.points is None:
                draft.points = points.points
                draft.facts.update(points.node)

    def _points_owner(self, leaf: Draft, row: list[Cell], points: NamedPoints) -> Draft | None:
        """The row's points cell scores its deepest indicator, unless that one wrote other
        points in its name (「1、制度健全(4分)」): then the plain number, merged down the rows,
        is its group's, taken once where the group opens."""
        level = next((at for at, draft in enumerate(self._path) if draft is leaf), 0)
        own = leaf.points
        if own is None or own == points.points or points.node or level == 0:
            return leaf
        cells = [_cell(row, column) for column in self.columns.of(POINTS)] if self.columns else []
        if any(cell.merged for cell in cells):
            return None
        parent = self._path[level - 1]
        return parent if parent is not None and parent.points is None else leaf

    def _has_data(self, row: list[Cell]) -> bool:
        assert self.columns is not None
        return any(
            _cell(row, column).text
            for column, role in enumerate(self.columns.roles)
            if role is not None and column not in self.columns.level_columns
        )

    def _text_of(self, row: list[Cell], role: str) -> str:
        assert self.columns is not None
        columns = self.columns.of(role)
        if len(columns) == 1:  # the usual table: one column for the role
            return _cell(row, columns[0]).text
        texts = [_cell(row, column).text for column in columns]
        return "\n".join(dict.fromkeys(text for text in texts if text))

    def _ignore_stray(self, row: list[Cell]) -> None:
        assert self.columns is not None
        for column, cell in enumerate(row):
            role = self.columns.roles[column] if column < len(self.columns.roles) else None
            if role is None and cell.text and not cell.merged:
                self.report.ignore(cell.where or "未知位置", cell.text)

    def _ignore_row(self, row: list[Cell]) -> None:
        for cell in row:
            if cell.text and not cell.merged:
                self.report.ignore(cell.where or "未知位置", cell.text)


def _scores(row: list[Cell]) -> bool:
    """A note that scores (「……的，一票否决」) is kept for a person, never dropped."""
    return any(SCORING_WORD.search(to_simplified(cell.text)) for cell in row)


# 「5、确权划界依法管护」, 「有效改善住房条件」: a short name (numbered or not), no sentence.
_NAMED_ITEM = re.compile(r"^\s*(?:\d{1,2}[、.．])?\s*[^，,。；;：:\d]{2,20}$")
_TRAILING_BRACKET = re.compile(r"[（(][^（）()]*[)）]\s*$")


def _written_out(name: str) -> bool:
    """「行政权力规范化建设。进一步规范……并公示公开。(4分)」: a requirement written out in
    sentences in the name's column, named by its first clause (the rest describes the item).
    A long name that ends as a name (「认真落实……形势持续稳定(6分)」) is kept whole."""
    return _TRAILING_BRACKET.sub("", name.strip()).rstrip().endswith(("。", "；", ";"))


def _repeats(cell: Cell, current: Draft | None) -> bool:
    """A merged cell's text printed again on the next page continues the same indicator."""
    return current is not None and cell.text == current.raw


def _cell(row: list[Cell], column: int) -> Cell:
    return row[column] if column < len(row) else Cell("")
