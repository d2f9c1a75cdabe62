"""Excel workbooks: the first sheet with a recognisable header row is the indicator table.

Formulas are refused rather than evaluated: kaohe never runs a workbook's code, and a cached
value may not match what the sheet shows today.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from kaohe.transfer.importers.grid import Cell, Grid, clean_text, column_letter
from kaohe.transfer.importers.registry import Reading, importer
from kaohe.transfer.importers.report import ImportReport
from kaohe.transfer.importers.tables import TableReader
from kaohe.transfer.limits import ImportRefused, Upload

MAX_COLUMNS = 60


@importer("xlsx")
def read_workbook(upload: Upload, report: ImportReport) -> Reading:
    workbook = _open(upload.data)
    try:
        for sheet in workbook.worksheets:
            grid = sheet_grid(sheet)
            reader = TableReader(report)
            if reader.read(grid) and reader.root.children:
                _note_other_sheets(workbook.worksheets, sheet, report)
                return Reading(root=reader.root, title=reader.title())
            report.cells_ignored.clear()
        return Reading(root=TableReader(report).root, title="")
    finally:
        workbook.close()


def sheet_grid(sheet: Worksheet) -> Grid:
    """The sheet's used range as a grid, merged areas spread from their top-left cell."""
    width = min(sheet.max_column, MAX_COLUMNS)
    rows: list[list[Cell]] = []
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=width):
        rows.append([_cell(sheet, cell) for cell in row])
    for merged in sheet.merged_cells.ranges:
        _spread(rows, merged.min_row - 1, merged.min_col - 1, merged.max_row, merged.max_col)
    return Grid(rows=rows, source=f"工作表「{sheet.title}」")


def _open(data: bytes) -> Any:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(
                io.BytesIO(data), data_only=False, keep_links=False, rich_text=False
            )
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        TypeError,
        OSError,
    ) as error:
        raise ImportRefused(
            f"Excel 文件已损坏或格式不正确，无法打开（{type(error).__name__}）"
        ) from error
    except Exception as error:
        raise ImportRefused("Excel 文件内容格式不正确，无法解析") from error


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


def _spread(rows: list[list[Cell]], top: int, left: int, bottom: int, right: int) -> None:
    if top >= len(rows) or left >= len(rows[top]):
        return
    anchor = rows[top][left]
    for row in range(top, min(bottom, len(rows))):
        for column in range(left, min(right, len(rows[row]))):
            if (row, column) != (top, left):
                rows[row][column] = Cell(anchor.text, merged=True, where=rows[row][column].where)


def _note_other_sheets(sheets: list[Worksheet], used: Worksheet, report: ImportReport) -> None:
    others = [sheet.title for sheet in sheets if sheet is not used]
    if others:
        report.notes.append(f"只导入了工作表「{used.title}」，未导入：{'、'.join(others)}")
