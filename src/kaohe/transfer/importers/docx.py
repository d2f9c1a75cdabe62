"""Word documents: the indicator table(s), or the numbered outline when there is no table.

The grid is read from word/document.xml with a plain lxml parser (no entities, no network):
python-docx would load every part of the package and wrap each element in a Python class, which
costs more than the whole import. A cell spanning columns (gridSpan) or continuing a vertical
merge (vMerge) repeats its anchor's text; a table nested in a cell is read as that cell's text.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]  # python-docx brings lxml, not its stubs

from kaohe.transfer.importers.grid import Cell, Grid, clean_text
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
_TC_PR, _TR_PR = qn("w:tcPr"), qn("w:trPr")
_GRID_SPAN, _V_MERGE, _GRID_BEFORE = qn("w:gridSpan"), qn("w:vMerge"), qn("w:gridBefore")
MAX_SPAN = 60


@importer("docx")
def read_document(upload: Upload, report: ImportReport) -> Reading:
    body = _open(upload.data)
    paragraphs = "\n".join(_paragraph_text(p) for p in body.iterchildren(_P))
    if paragraphs.count("\n") > MAX_TEXT_LINES:
        raise ImportRefused(f"文档超过 {MAX_TEXT_LINES} 段，超出导入上限；请拆分后分别导入")
    title = find_title(paragraphs)
    reader = TableReader(report)
    for number, table in enumerate(body.iterchildren(_TBL), 1):
        reader.read(table_grid(table, number, report))
    if reader.root.children:
        return Reading(root=reader.root, title=reader.title(title), prose=paragraphs)
    report.cells_ignored.clear()
    return Reading(root=read_outline(paragraphs, report), title=title, prose=paragraphs)


def table_grid(table: Any, number: int, report: ImportReport) -> Grid:
    rows: list[list[Cell]] = []
    above: dict[int, Cell] = {}
    positions = 0
    for row_number, row in enumerate(table.iterchildren(_TR), 1):
        cells: list[Cell] = [Cell("")] * _grid_before(row)
        for tc in row.iterchildren(_TC):
            where = f"第 {number} 个表格第 {row_number} 行第 {len(cells) + 1} 列"
            span, continues = _merging(tc)
            if continues:
                cell = Cell(above.get(len(cells), Cell("")).text, merged=True, where=where)
            else:
                cell = Cell(_cell_text(tc, report, where), where=where)
            cells.append(cell)
            cells.extend(Cell(cell.text, merged=True, where=where) for _ in range(span - 1))
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


def _cell_text(tc: Any, report: ImportReport, where: str) -> str:
    lines: list[str] = []
    for child in tc.iterchildren():
        if child.tag == _P:
            lines.append(_paragraph_text(child))
        elif child.tag == _TBL:
            report.notes.append(f"{where} 含嵌套表格，已按文字读入")
            for row in child.iterchildren(_TR):
                texts = [_cell_text(cell, report, where) for cell in row.iterchildren(_TC)]
                lines.append(" ".join(text for text in texts if text))
    return clean_text("\n".join(lines))


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    for node in paragraph.iter(_T, _TAB, _BR):
        if node.tag == _T:
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == _TAB else "\n")
    return "".join(parts)


def _merging(tc: Any) -> tuple[int, bool]:
    """(columns spanned, whether the cell continues a vertical merge from the row above)."""
    span, continues = 1, False
    properties = tc.find(_TC_PR)
    if properties is None:
        return span, continues
    for setting in properties:
        if setting.tag == _GRID_SPAN:
            span = _small_number(setting.get(_VAL), default=1)
        elif setting.tag == _V_MERGE:
            continues = setting.get(_VAL, "continue") == "continue"
    return max(1, min(span, MAX_SPAN)), continues


def _small_number(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _grid_before(row: Any) -> int:
    properties = row.find(_TR_PR)
    before = properties.find(_GRID_BEFORE) if properties is not None else None
    skipped = _small_number(before.get(_VAL), default=0) if before is not None else 0
    return max(0, min(skipped, MAX_SPAN))
