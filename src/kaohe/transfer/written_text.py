"""Stored text as it goes into a file kaohe writes: every xlsx and docx writer puts it through
here, so that no stored value can break an export or run in the reader's Excel.

- A control character (other than tab and line breaks) is not allowed in the files' XML: a
  record note holding \\x01 made every later export fail. It is dropped.
- Text starting with = + - @ is what Excel would run as a formula (CWE-1236): a unit named
  =HYPERLINK(...) became a live link in the ranking. Such a cell is written as text, marked
  with Excel's quote prefix so that editing it keeps it text.
- A sheet name may not hold [ ] : * ? / \\ nor pass 31 characters: a cycle named 2026/Q4 could
  not be exported. Those characters become their full-width forms, the rest is cut at 31.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
FORMULA_STARTS = ("=", "+", "-", "@")
SHEET_NAME_SWAPS = str.maketrans("[]:*?/\\", "［］：＊？／＼")
SHEET_NAME_LENGTH = 31


def clean_text(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)


def cell_value(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


def keep_text(cell: Cell) -> Cell:
    """A cell whose text Excel would read as a formula, marked as text."""
    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def put(sheet: Worksheet, row: int, column: int, value: Any) -> Cell:
    """The cell at (row, column) holding ``value``, text always as text."""
    return keep_text(sheet.cell(row=row, column=column, value=cell_value(value)))


def put_row(sheet: Worksheet, values: Iterable[Any]) -> int:
    """``values`` appended as the sheet's last row, text always as text; the row's number."""
    sheet.append([cell_value(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell, Cell):  # not a MergedCell, which holds nothing
            keep_text(cell)
    return sheet.max_row


def sheet_name(text: str) -> str:
    """A name Excel takes for a sheet, as close to ``text`` as it allows."""
    name = clean_text(text).translate(SHEET_NAME_SWAPS).strip("'")[:SHEET_NAME_LENGTH]
    return name.strip("'") or "工作表"
