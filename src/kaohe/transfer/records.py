"""The records file (CSV or xlsx, Chinese headers): one 考核记录 per row.

Columns (see docs/records-format.md): 被考核单位 (required), 指标, 规则, 次数, 数值, 级别, 事项,
日期, 期间, 分摊, 说明. Errors name the row and column, for example
「第 5 行「次数」列：'abc' 不是数字」, and every bad row is reported at once.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kaohe.engine import RECORD_FIELDS, FactsError, Record, RecordField
from kaohe.transfer.oserrors import reason

COLUMNS = tuple(field.label for field in RECORD_FIELDS)
REQUIRED = ("被考核单位",)


def read_records(path: str | Path) -> list[Record]:
    """Every record in the CSV or xlsx file at ``path``; raises FactsError naming bad rows."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from kaohe.transfer.records_xlsx import read_xlsx_rows

        rows: Sequence[Sequence[object]] = read_xlsx_rows(path)
    else:
        rows = read_csv_rows(path)
    return records_from_rows(rows)


def read_csv_rows(path: Path) -> list[list[str]]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise FactsError([f"无法读取记录文件「{path}」：{reason(error)}"]) from error
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise FactsError([f"记录文件「{path}」的编码无法识别（请存为 UTF-8）"])
    return list(csv.reader(io.StringIO(text)))


def records_from_rows(rows: Sequence[Sequence[object]]) -> list[Record]:
    """Records from a header row and data rows (row numbers in errors count the header as 1)."""
    if not rows:
        raise FactsError(["记录文件是空的：第 1 行应为表头（被考核单位、指标、规则……）"])
    columns = header_positions(rows[0])
    problems: list[str] = []
    records = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {name: cell_text(row, index) for name, index in columns.items()}
        if not any(cells.values()):
            continue
        record = record_from_cells(cells, number, problems)
        if record is not None:
            records.append(record)
    if problems:
        raise FactsError(problems)
    return records


def header_positions(header: Sequence[object]) -> dict[str, int]:
    names = [str(cell or "").strip() for cell in header]
    unknown = [name for name in names if name and name not in COLUMNS]
    problems = [f"第 1 行：未知的列「{name}」（可用：{'、'.join(COLUMNS)}）" for name in unknown]
    problems += [f"第 1 行：缺少必填列「{name}」" for name in REQUIRED if name not in names]
    if problems:
        raise FactsError(problems)
    return {name: index for index, name in enumerate(names) if name}


def cell_text(row: Sequence[object], index: int) -> str:
    if index >= len(row) or row[index] is None:
        return ""
    value = row[index]
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def record_from_cells(cells: Mapping[str, str], number: int, problems: list[str]) -> Record | None:
    before = len(problems)
    if not cells.get("被考核单位", ""):
        problems.append(f"第 {number} 行「被考核单位」列：不能为空")
    values = {field.name: cell_value(field, cells, number, problems) for field in RECORD_FIELDS}
    if values["share"] is not None and values["share"] <= 0:
        problems.append(f"第 {number} 行「分摊」列：应为大于 0 的家数")
    if len(problems) > before:
        return None
    return Record(**values, source=f"第 {number} 行")


def cell_value(
    field: RecordField, cells: Mapping[str, str], number: int, problems: list[str]
) -> Any:
    if field.kind == "number":
        return number_in(cells, field.label, number, problems)
    if field.kind == "date":
        return date_in(cells, number, problems)
    return cells.get(field.label, "")


def number_in(
    cells: Mapping[str, str], column: str, number: int, problems: list[str]
) -> Decimal | None:
    text = cells.get(column, "").replace(",", "")
    if not text:
        return None
    try:
        value = Decimal(text[:-1]) / 100 if text.endswith(("%", "％")) else Decimal(text)
    except InvalidOperation:
        problems.append(f"第 {number} 行「{column}」列：'{cells[column]}' 不是数字")
        return None
    if not value.is_finite():
        problems.append(f"第 {number} 行「{column}」列：'{cells[column]}' 不是数字")
        return None
    return value


def date_in(cells: Mapping[str, str], number: int, problems: list[str]) -> datetime.date | None:
    text = cells.get("日期", "").replace("/", "-").replace(".", "-")
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        problems.append(
            f"第 {number} 行「日期」列：'{cells['日期']}' 不是日期（应写作 2024-03-15）"
        )
        return None


def records_to_rows(records: Iterable[Record]) -> list[list[str]]:
    """A header row and one row per record, in the file's column order (for templates, exports)."""
    rows = [list(COLUMNS)]
    for record in records:
        values = (getattr(record, field.name) for field in RECORD_FIELDS)
        rows.append(["" if value is None else str(value) for value in values])
    return rows
