"""Word documents: the indicator table(s), or the numbered outline when there is no table.

The grid is read from word/document.xml with a plain lxml parser (no entities, no network):
python-docx would load every part of the package and wrap each element in a Python class, which
costs more than the whole import. A cell spanning columns (gridSpan) or continuing a vertical
merge (vMerge) repeats its anchor's text; a table nested in a cell is read as that cell's text.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]  # python-docx brings lxml, not its stubs

from kaohe.transfer.importers.embedded import carries_scheme
from kaohe.transfer.importers.grid import Cell, Grid, clean_text, grid_text
from kaohe.transfer.importers.outline import read_outline
from kaohe.transfer.importers.registry import Reading, importer
from kaohe.transfer.importers.report import ImportReport
from kaohe.transfer.importers.tables import TableReader
from kaohe.transfer.importers.text import find_title
from kaohe.transfer.limits import MAX_TABLE_CELLS, MAX_TEXT_LINES, ImportRefused, Upload

_BODY = qn("w:body")
_TR, _TC, _P, _TBL = qn("w:tr"), qn("w:tc"), qn("w:p"), qn("w:tbl")
_T, _TAB, _BR = qn("w:t"), qn("w:tab"), qn("w:br")
_VAL = qn("w:val")
_GRID_SPAN, _V_MERGE, _GRID_BEFORE = qn("w:gridSpan"), qn("w:vMerge"), qn("w:gridBefore")
_ROW_PARTS = (_TC, _P, _T, _TAB, _BR, _GRID_SPAN, _V_MERGE, _GRID_BEFORE, _TBL)
_BREAKS = {_TAB: "\t", _BR: "\n"}
MAX_SPAN = 60


@importer("docx")
def read_document(upload: Upload, report: ImportReport) -> Reading:
    body = _open(upload.data)
    paragraphs = "\n".join(_paragraph_text(p) for p in body.iterchildren(_P))
    if paragraphs.count("\n") > MAX_TEXT_LINES:
        raise ImportRefused(f"文档超过 {MAX_TEXT_LINES} 段，超出导入上限；请拆分后分别导入")
    title = find_title(paragraphs)
    reader = TableReader(report, exported=carries_scheme(upload.data))
    texts: list[str] = []
    for number, (table, above) in enumerate(_tables(body), 1):
        grid = table_grid(table, number, report)
        texts.append(grid_text(grid))
        reader.read(grid, above)
    cells = "\n".join(_body_text(body, iter(texts)))
    if reader.root.children:
        root, title = reader.root, reader.title(title)
        return Reading(root=root, title=title, prose=paragraphs, cells=cells)
    report.forget_ignored()
    root = read_outline(paragraphs, report)
    return Reading(root=root, title=title, prose=paragraphs, cells=cells)


def _tables(body: Any) -> list[tuple[Any, str]]:
    """Each table with the last paragraph of text printed above it (「一、综合绩效评价指标」)."""
    tables: list[tuple[Any, str]] = []
    above = ""
    for child in body.iterchildren(_P, _TBL):
        if child.tag == _TBL:
            tables.append((child, above))
            above = ""
        elif text := _paragraph_text(child).strip():
            above = text
    return tables


def _body_text(body: Any, tables: Any) -> list[str]:
    """Paragraphs and tables (already as text) in the order the document has them."""
    return [
        _paragraph_text(child) if child.tag == _P else next(tables)
        for child in body.iterchildren(_P, _TBL)
    ]


def table_grid(table: Any, number: int, report: ImportReport) -> Grid:
    rows: list[list[Cell]] = []
    above: dict[int, Cell] = {}
    positions = 0
    for row_number, row in enumerate(table.iterchildren(_TR), 1):
        before, read = _read_row(row)
        cells: list[Cell] = [Cell("")] * before
        for tc in read:
            where = f"第 {number} 个表格第 {row_number} 行第 {len(cells) + 1} 列"
            if tc.continues:
                cell = Cell(above.get(len(cells), Cell("")).text, merged=True, where=where)
            else:
                cell = Cell(tc.text(), where=where)
            cells.append(cell)
            if tc.span > 1:
                cells.extend([Cell(cell.text, merged=True, where=where)] * (tc.span - 1))
            if tc.nested:
                report.notes.extend([f"{where} 含嵌套表格，已按文字读入"] * tc.nested)
        above.update(enumerate(cells))
        rows.append(cells)
        positions += len(cells)
        if positions > MAX_TABLE_CELLS:  # column spans multiply the cells the guards counted
            raise ImportRefused(
                f"表格超过 {MAX_TABLE_CELLS} 个单元格，超出导入上限；请拆分后分别导入"
            )
    return Grid(rows=rows, source=f"第 {number} 个表格")


def _open(data: bytes) -> Any:
    """The document body element."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            root = etree.fromstring(package.read("word/document.xml"), parser=parser)
    except (zipfile.BadZipFile, KeyError, OSError, etree.XMLSyntaxError) as error:
        raise ImportRefused("Word 文件已损坏或格式不正确，无法打开") from error
    body = root.find(_BODY)
    if body is None:
        raise ImportRefused("Word 文件缺少正文，无法导入")
    return body


@dataclass(slots=True)
class _ReadCell:
    """One w:tc as read: the text of its paragraphs, and how it merges."""

    pieces: list[str] = field(default_factory=list)
    paragraphs: int = 0
    span: int = 1
    continues: bool = False
    """Whether it continues a vertical merge from the row above."""
    nested: int = 0
    """Tables nested in it, read as lines of text."""

    def add_line(self, text: str = "") -> None:
        if self.paragraphs:
            self.pieces.append("\n")
        self.pieces.append(text)
        self.paragraphs += 1

    def text(self) -> str:
        return clean_text("".join(self.pieces))


def _read_row(row: Any) -> tuple[int, list[_ReadCell]]:
    """(grid columns skipped before the first cell, the row's cells), in one walk over the row:
    asking each cell for its parts one by one costs several times more."""
    before = 0
    cells: list[_ReadCell] = []
    cell: _ReadCell | None = None
    walk = etree.iterwalk(row, events=("start",), tag=_ROW_PARTS)
    for _, element in walk:
        tag = element.tag
        if tag == _TC:
            cell = _ReadCell()
            cells.append(cell)
        elif cell is None:
            if tag == _GRID_BEFORE:
                before = max(0, min(_small_number(element.get(_VAL), default=0), MAX_SPAN))
        elif tag == _T:
            if cell.paragraphs:  # text outside a paragraph is not shown by Word either
                cell.pieces.append(element.text or "")
        elif tag == _P:
            cell.add_line()
        elif tag in _BREAKS:
            if cell.paragraphs:
                cell.pieces.append(_BREAKS[tag])
        elif tag == _GRID_SPAN:
            cell.span = max(1, min(_small_number(element.get(_VAL), default=1), MAX_SPAN))
        elif tag == _V_MERGE:
            cell.continues = element.get(_VAL, "continue") == "continue"
        elif tag == _TBL:
            walk.skip_subtree()
            cell.nested += 1 + _add_nested(cell, element)
    return before, cells


def _add_nested(cell: _ReadCell, table: Any) -> int:
    """A table inside ``cell`` as lines of its text, one a row; how many tables it holds."""
    nested = 0
    for row in table.iterchildren(_TR):
        _, cells = _read_row(row)
        texts = [inner.text() for inner in cells]
        cell.add_line(" ".join(text for text in texts if text))
        nested += sum(inner.nested for inner in cells)
    return nested


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    for node in paragraph.iter(_T, _TAB, _BR):
        if node.tag == _T:
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == _TAB else "\n")
    return "".join(parts)


def _small_number(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
