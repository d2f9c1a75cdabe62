"""Reading records from the first sheet of an xlsx workbook (same headers as the CSV)."""

from __future__ import annotations

from pathlib import Path
from zipfile import BadZipFile

import openpyxl

from kaohe.engine import FactsError


def read_xlsx_rows(path: Path) -> list[list[object]]:
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, BadZipFile, KeyError, ValueError) as error:
        raise FactsError(
            [f"无法读取记录文件「{path}」：不是有效的 xlsx 文件（{error}）"]
        ) from error
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
