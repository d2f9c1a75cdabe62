"""Word documents: the indicator table(s), or the numbered outline when there is no table.

The grid is read from the document XML directly: a cell spanning columns (gridSpan) or continuing
a vertical merge (vMerge) repeats its anchor's text, and a table nested in a cell is read as that
cell's text, one nested row a line.
"""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.oxml.ns import qn

from kaohe.transfer.importers.grid import Cell, Grid, clean_text
from kaohe.transfer.importers.outline import read_outline
from kaohe.transfer.importers.registry import Reading, importer
from kaohe.transfer.importers.report import ImportReport
from kaohe.transfer.importers.tables import TableReader
from kaohe.transfer.importers.text import find_title
from kaohe.transfer.limits import ImportRefused, Upload


@importer("docx")
def read_document(upload: Upload, report: ImportReport) -> Reading:
    body = _open(upload.data).element.body
    paragraphs = "\n".join(_paragraph_text(p) for p in body.iterchildren(qn("w:p")))
    title = find_title(paragraphs)
    reader = TableReader(report)
    for number, table in enumerate(body.iterchildren(qn("w:tbl")), 1):
        reader.read(table_grid(table, number, report))
    if reader.root.children:
        return Reading(root=reader.root, title=reader.title(title))
    report.cells_ignored.clear()
    return Reading(root=read_outline(paragraphs, report), title=title)


def table_grid(table: Any, number: int, report: ImportReport) -> Grid:
    rows: list[list[Cell]] = []
    above: dict[int, Cell] = {}
    for row_number, row in enumerate(table.iterchildren(qn("w:tr")), 1):
        cells: list[Cell] = [Cell("")] * _grid_before(row)
        for tc in row.iterchildren(qn("w:tc")):
            where = f"第 {number} 个表格第 {row_number} 行第 {len(cells) + 1} 列"
            span = _span(tc)
            if _continues_vertical_merge(tc):
                anchor = above.get(len(cells), Cell(""))
                cell = Cell(anchor.text, merged=True, where=where)
            else:
                cell = Cell(_cell_text(tc, report, where), where=where)
            for offset in range(span):
                column = len(cells)
                cells.append(cell if offset == 0 else Cell(cell.text, merged=True, where=where))
                above[column] = cell
        rows.append(cells)
    return Grid(rows=rows, source=f"第 {number} 个表格")


def _open(data: bytes) -> Any:
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:
        raise ImportRefused("Word 文件已损坏或格式不正确，无法打开") from error


def _cell_text(tc: Any, report: ImportReport, where: str) -> str:
    lines: list[str] = []
    for child in tc.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(_paragraph_text(child))
        elif child.tag == qn("w:tbl"):
            report.notes.append(f"{where} 含嵌套表格，已按文字读入")
            for row in child.iterchildren(qn("w:tr")):
                texts = [_cell_text(cell, report, where) for cell in row.iterchildren(qn("w:tc"))]
                lines.append(" ".join(text for text in texts if text))
    return clean_text("\n".join(lines))


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == qn("w:tab") else "\n")
    return "".join(parts)


def _span(tc: Any) -> int:
    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    try:
        return max(1, min(int(span.get(qn("w:val"))), 60)) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _continues_vertical_merge(tc: Any) -> bool:
    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and merge.get(qn("w:val"), "continue") == "continue"


def _grid_before(row: Any) -> int:
    before = row.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
    try:
        return int(before.get(qn("w:val"))) if before is not None else 0
    except (TypeError, ValueError):
        return 0
