"""Excel workbooks: the first sheet with a recognisable header row is the indicator table.

Formulas are refused rather than evaluated: kaohe never runs a workbook's code, and a cached
value may not match what the sheet shows today.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from kaohe.transfer.importers.embedded import carries_scheme
from kaohe.transfer.importers.grid import Cell, Grid, clean_text, column_letter, grid_text
from kaohe.transfer.importers.registry import Reading, importer
from kaohe.transfer.importers.report import ImportReport
from kaohe.transfer.importers.tables import TableReader
from kaohe.transfer.limits import MAX_TABLE_CELLS, ImportRefused, Upload
from kaohe.transfer.workbooks import open_layout

MAX_COLUMNS = 60


@importer("xlsx")
def read_workbook(upload: Upload, report: ImportReport) -> Reading:
    workbook = open_layout(upload.data)
    exported = carries_scheme(upload.data)
    try:
        texts: list[str] = []
        for sheet in workbook.worksheets:
            grid = sheet_grid(sheet)
            texts.append(grid_text(grid))
            reader = TableReader(report, exported=exported)
            if reader.read(grid) and reader.root.children:
                _note_other_sheets(workbook.worksheets, sheet, report)
                return Reading(root=reader.root, title=reader.title(), cells=texts[-1])
            report.forget_ignored()
        return Reading(root=TableReader(report).root, title="", cells="\n".join(texts))
    finally:
        workbook.close()


def sheet_grid(sheet: Worksheet) -> Grid:
    """The sheet's rows that hold cells, merged areas spread from their top-left cell.

    Only cells the file defines are visited: a lone cell in row 1,000,000 or column XFD must
    not make kaohe walk (and openpyxl create) every empty cell before it.
    """
    stored = sheet._cells  # the cells the file defines, by (row, column)
    numbers = sorted({row for row, column in stored if column <= MAX_COLUMNS})
    width = min(max((column for _, column in stored), default=0), MAX_COLUMNS)
    if len(numbers) * width > MAX_TABLE_CELLS:
        raise ImportRefused(f"表格超过 {MAX_TABLE_CELLS} 个单元格，超出导入上限；请拆分后分别导入")
    index = {number: position for position, number in enumerate(numbers)}
    rows = [
        [
            _cell(sheet, stored[(number, column)])
            if (number, column) in stored
            else _empty(sheet, number, column)
            for column in range(1, width + 1)
        ]
        for number in numbers
    ]
    for merged in sheet.merged_cells.ranges:
        covered = numbers[
            bisect_left(numbers, merged.min_row) : bisect_right(numbers, merged.max_row)
        ]
        _spread(rows, index, covered, merged.min_col - 1, merged.max_col)
    return Grid(rows=rows, source=f"工作表「{sheet.title}」")


def _cell(sheet: Worksheet, cell: Any) -> Cell:
    where = f"工作表「{sheet.title}」单元格 {column_letter(cell.column - 1)}{cell.row}"
    value = cell.value
    if cell.data_type == "f":
        raise ImportRefused(
            f"{where} 含公式（{str(value)[:30]}）：导入不计算公式，请将公式转为数值后再导入"
        )
    return Cell(_text(value), where=where)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_text(str(value))


def _empty(sheet: Worksheet, row: int, column: int) -> Cell:
    return Cell("", where=f"工作表「{sheet.title}」单元格 {column_letter(column - 1)}{row}")


def _spread(
    rows: list[list[Cell]], index: dict[int, int], covered: list[int], left: int, right: int
) -> None:
    """Copy a merged area's anchor text into the other positions of the area it covers."""
    if not covered or left >= len(rows[index[covered[0]]]):
        return
    top = covered[0]
    anchor = rows[index[top]][left]
    for number in covered:
        row = rows[index[number]]
        for column in range(left, min(right, len(row))):
            if (number, column) != (top, left):
                row[column] = Cell(anchor.text, merged=True, where=row[column].where)


def _note_other_sheets(sheets: list[Worksheet], used: Worksheet, report: ImportReport) -> None:
    others = [sheet.title for sheet in sheets if sheet is not used]
    if others:
        report.notes.append(f"只导入了工作表「{used.title}」，未导入：{'、'.join(others)}")
