"""The one way kaohe reads an uploaded Excel workbook's rows: guarded first, then streamed.

Before openpyxl sees a byte, the file must be within the size cap, be a real .xlsx (not an old
.xls, a renamed PDF or text), pass the archive guards of ``limits`` (compression ratio, total
unpacked size, part count, macros, DTDs, row and cell counts), keep its shared strings — which
openpyxl loads whole — under a bound, and declare no sheet range beyond the row and column caps
(openpyxl pads every row to the declared width). Rows are then read in read-only mode, at most
``MAX_COLUMNS`` wide, with a row cap and a cap on the text read, so a hostile file is refused
with a Chinese message before it can take more than a few megabytes.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from types import TracebackType
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from kaohe.transfer.limits import (
    MAX_FILE_BYTES,
    MAX_TABLE_ROWS,
    ImportRefused,
    check_archive,
    column_number,
    megabytes,
    sniff_kind,
)

MAX_COLUMNS = 60
EXCEL_ROWS, EXCEL_COLUMNS = 1_048_576, 16_384  # the largest sheet Excel writes: A1:XFD1048576
MAX_SHARED_STRINGS_BYTES = 16 * 1024 * 1024
MAX_CELL_CHARS = 32_767  # what Excel itself allows in one cell
MAX_TEXT_CHARS = 8_000_000  # all the text read from one workbook
_HEAD_BYTES = 256 * 1024  # the dimension comes before the sheet data, near the top
_DIMENSION = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*?\bref="([^"]{1,40})"')
_RANGE = re.compile(rb"([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$")

Row = list[object]


class GuardedWorkbook:
    """An uploaded workbook that passed the guards, open in read-only mode; use it in ``with``."""

    def __init__(
        self, data: bytes, *, max_bytes: int = MAX_FILE_BYTES, max_rows: int = MAX_TABLE_ROWS
    ) -> None:
        check_workbook(data, max_bytes=max_bytes, max_rows=max_rows)
        self.max_rows = max_rows
        self.text_read = 0
        try:
            self._book = load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
        except Exception as error:  # openpyxl raises many kinds on a damaged file
            raise ImportRefused(
                f"不是有效的 xlsx 文件：无法读取（{type(error).__name__}）"
            ) from error

    def __enter__(self) -> GuardedWorkbook:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def sheet_names(self) -> list[str]:
        return list(self._book.sheetnames)

    def rows(self, sheet_name: str | None = None) -> list[Row]:
        """The rows of the named sheet (the first sheet by default), trailing blanks dropped."""
        sheet = self._book[sheet_name] if sheet_name else self._book.worksheets[0]
        try:
            return self._read(sheet)
        except ImportRefused:
            raise
        except Exception as error:  # the XML is parsed only now, row by row, and may be broken
            raise ImportRefused(
                f"工作表「{sheet.title}」内容格式不正确，无法读取（{type(error).__name__}）"
            ) from error

    def _read(self, sheet: Any) -> list[Row]:
        rows: list[Row] = []
        for values in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
            if len(rows) == self.max_rows + 1:  # the header row and max_rows of data
                raise ImportRefused(
                    f"工作表「{sheet.title}」超过 {self.max_rows} 行，超出导入上限；"
                    "请拆分后分别导入"
                )
            rows.append(self._counted(sheet.title, len(rows) + 1, values))
        return rows

    def close(self) -> None:
        self._book.close()

    def _counted(self, title: str, number: int, values: tuple[object, ...]) -> Row:
        row = list(values)
        while row and row[-1] is None:
            row.pop()
        for value in row:
            if isinstance(value, str):
                self._count_text(title, number, value)
        return row

    def _count_text(self, title: str, number: int, text: str) -> None:
        if len(text) > MAX_CELL_CHARS:
            raise ImportRefused(
                f"工作表「{title}」第 {number} 行有单元格超过 {MAX_CELL_CHARS} 字"
                "（Excel 单元格的上限），疑似恶意文件，不予导入"
            )
        self.text_read += len(text)
        if self.text_read > MAX_TEXT_CHARS:
            raise ImportRefused(
                f"工作簿文字超过 {MAX_TEXT_CHARS} 字，超出导入上限；请拆分后分别导入"
            )


def check_workbook(
    data: bytes,
    *,
    max_bytes: int = MAX_FILE_BYTES,
    max_rows: int = MAX_TABLE_ROWS,
    max_columns: int = MAX_COLUMNS,
) -> None:
    """Refuse, in Chinese, a workbook too large or too hostile to parse; reads bounded data."""
    if len(data) > max_bytes:
        raise ImportRefused(
            f"文件过大（{megabytes(len(data))}），导入上限为 {megabytes(max_bytes)}"
        )
    if not data.strip():
        raise ImportRefused("文件是空的，没有可导入的内容")
    if sniff_kind(data) != "xlsx":
        raise ImportRefused("不是有效的 xlsx 文件：请用 Excel 另存为 .xlsx 工作簿后再导入")
    check_archive(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        _check_shared_strings(archive)
        for entry in archive.infolist():
            if entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml"):
                _check_dimension(archive, entry, max_rows, max_columns)


def _check_shared_strings(archive: zipfile.ZipFile) -> None:
    for entry in archive.infolist():
        if entry.filename.lower().endswith("sharedstrings.xml") and (
            entry.file_size > MAX_SHARED_STRINGS_BYTES
        ):
            raise ImportRefused(
                f"工作簿的共享文字过大（解压后 {megabytes(entry.file_size)}），"
                f"超过上限 {megabytes(MAX_SHARED_STRINGS_BYTES)}，疑似恶意文件，不予导入"
            )


def _check_dimension(
    archive: zipfile.ZipFile, entry: zipfile.ZipInfo, max_rows: int, max_columns: int
) -> None:
    with archive.open(entry) as stream:
        found = _DIMENSION.search(stream.read(_HEAD_BYTES))
    if found is None:
        return
    rows, columns = _extent(found.group(1).upper())
    if rows > max_rows + 1 or columns > max_columns:
        raise ImportRefused(
            f"工作表声明的范围 {found.group(1).decode()} 过大（{rows} 行、{columns} 列），"
            f"导入上限为 {max_rows} 行、{max_columns} 列；请删除多余的行列后再导入"
        )


def _extent(reference: bytes) -> tuple[int, int]:
    """Rows and columns a range such as 「A1:XFD1048576」 spans (a lone 「A1」 spans one)."""
    found = _RANGE.match(reference)
    if found is None:
        raise ImportRefused(
            f"工作表声明的范围「{reference.decode('ascii', 'replace')}」格式不正确，无法导入"
        )
    first_column, first_row, last_column, last_row = found.groups()
    rows = int(last_row or first_row) - int(first_row) + 1
    columns = column_number(last_column or first_column) - column_number(first_column) + 1
    return max(rows, 1), max(columns, 1)


def open_layout(data: bytes) -> Any:
    """The whole workbook — merged areas, formulas kept as formulas — for the scheme importer,
    which needs what read-only mode cannot give. Guarded like every upload; the declared range
    is not capped, since a full load creates only the cells the file defines (whose number the
    archive guards have counted) and pads no row."""
    check_workbook(data, max_rows=EXCEL_ROWS, max_columns=EXCEL_COLUMNS)
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
