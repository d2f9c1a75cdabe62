"""A scheme as an Excel workbook in the usual layout: A4 landscape, header repeated on print."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kaohe.transfer.exporters.layout import (
    BODY_FONT,
    HEADER_FONT,
    TITLE_FONT,
    Table,
    scheme_table,
)
from kaohe.transfer.exporters.registry import exporter
from kaohe.transfer.written_text import put

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
_DATA_WIDTHS = (8, 60, 14, 10, 14, 10)
FIRST_DATA_ROW = 3


@exporter("xlsx")
def export_workbook(scheme: dict[str, Any]) -> bytes:
    table = scheme_table(scheme)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "考核指标"
    _write_title(sheet, table)
    _write_body(sheet, table)
    _set_page(sheet, table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_title(sheet: Worksheet, table: Table) -> None:
    title = put(sheet, 1, 1, table.title)
    title.font, title.alignment = Font(name=TITLE_FONT, size=16, bold=True), _CENTRE
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(table.headers))
    sheet.row_dimensions[1].height = 36
    for column, header in enumerate(table.headers, 1):
        cell = put(sheet, 2, column, header)
        cell.font = Font(name=HEADER_FONT, size=12, bold=True)
        cell.alignment = _CENTRE
        cell.border = _BORDER


def _write_body(sheet: Worksheet, table: Table) -> None:
    body = Font(name=BODY_FONT, size=11)
    for index, values in enumerate(table.rows):
        for column, value in enumerate(values, 1):
            cell = put(sheet, FIRST_DATA_ROW + index, column, value or None)
            cell.font = body
            cell.alignment = _CENTRE if column <= table.depth + 1 else _WRAP
            cell.border = _BORDER
    for merge in table.merges:
        sheet.merge_cells(
            start_row=FIRST_DATA_ROW + merge.top,
            start_column=merge.left + 1,
            end_row=FIRST_DATA_ROW + merge.bottom - 1,
            end_column=merge.right,
        )


def _set_page(sheet: Worksheet, table: Table) -> None:
    widths = (16,) * table.depth + _DATA_WIDTHS
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "2:2"
    sheet.print_options.horizontalCentered = True
    sheet.freeze_panes = "A3"
