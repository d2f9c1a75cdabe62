"""The layout every exported sheet shares: a merged title, 宋体 headings, 仿宋 body, borders,
A4 landscape, the header row repeated on every printed page, set column widths."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kaohe.transfer.written_text import put, sheet_name

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(name="宋体", size=16, bold=True)
HEADER_FONT = Font(name="宋体", size=11, bold=True)
BODY_FONT = Font(name="仿宋", size=11)
NOTE_FONT = Font(name="仿宋", size=10)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
HEADER_ROW = 3


def new_sheet(title: str, subtitle: str, headers: Sequence[str], widths: Sequence[int]) -> Any:
    """A workbook whose active sheet has the title (row 1), subtitle (row 2) and header row."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name(title)
    last = get_column_letter(len(headers))
    sheet.merge_cells(f"A1:{last}1")
    heading = put(sheet, 1, 1, title)
    heading.font, heading.alignment = TITLE_FONT, CENTRE
    sheet.row_dimensions[1].height = 32
    sheet.merge_cells(f"A2:{last}2")
    note = put(sheet, 2, 1, subtitle)
    note.font, note.alignment = NOTE_FONT, Alignment(horizontal="right")
    for column, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = put(sheet, HEADER_ROW, column, header)
        cell.font, cell.alignment, cell.border = HEADER_FONT, CENTRE, BORDER
        sheet.column_dimensions[get_column_letter(column)].width = width
    print_setup(sheet)
    return book


def print_setup(sheet: Worksheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_options.horizontalCentered = True
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"


def number(text: Any) -> Any:
    """Scores travel as strings; cells hold numbers so that sums and sorting work in Excel."""
    if text is None or text == "":
        return None
    try:
        value = Decimal(str(text))
    except InvalidOperation:
        return text
    return int(value) if value == value.to_integral_value() else float(value)


def add_row(sheet: Worksheet, values: Sequence[Any], aligns: Sequence[Alignment]) -> int:
    row = sheet.max_row + 1
    for column, (value, align) in enumerate(zip(values, aligns, strict=True), start=1):
        cell = put(sheet, row, column, value)
        cell.font, cell.alignment, cell.border = BODY_FONT, align, BORDER
    return row


def to_bytes(book: Workbook) -> bytes:
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
