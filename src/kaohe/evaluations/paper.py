"""纸质测评: the xlsx template a clerk types a paper session's slips into (one row a slip, one
column a unit's dimension), and its reading — all or nothing, each problem by row and column."""

from __future__ import annotations

import io
from typing import Any

from django.core.exceptions import ValidationError
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from kaohe import uploads
from kaohe.cycles.models import CycleUnit
from kaohe.evaluations.marks import Form, form_for, mark_value
from kaohe.evaluations.models import Dimension, EvaluatorGroup, Grade
from kaohe.transfer.limits import ImportRefused
from kaohe.transfer.workbooks import MAX_COLUMNS, GuardedWorkbook
from kaohe.transfer.written_text import put, put_row

SLIP_COLUMN = "票号"
MAX_SLIPS = 20_000

Column = tuple[CycleUnit, Dimension]
Slip = tuple[dict[str, dict[str, str]], dict[str, str]]


def paper_form(group: EvaluatorGroup) -> Form:
    form = form_for(group)
    if not form.units:
        raise ValidationError(f"评议组「{group.name}」按评议人所在单位确定评议对象，不能用纸质票")
    if len(form.units) * len(form.dimensions) + 1 > MAX_COLUMNS:
        raise ValidationError(
            f"纸质票表格最多 {MAX_COLUMNS - 1} 列评分（单位数 × 维度数），请拆分评议组"
        )
    return form


def columns(form: Form) -> list[Column]:
    return [(unit, dimension) for unit in form.units for dimension in form.dimensions]


def heading(column: Column, one_dimension: bool) -> str:
    unit, dimension = column
    return unit.label if one_dimension else f"{unit.label} · {dimension.name}"


def headings(form: Form) -> list[str]:
    one = len(form.dimensions) == 1
    return [SLIP_COLUMN, *(heading(column, one) for column in columns(form))]


def paper_template(group: EvaluatorGroup) -> bytes:
    form = paper_form(group)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "纸质票"
    put_row(sheet, headings(form))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for number in range(1, sheet.max_column + 1):
        sheet.column_dimensions[get_column_letter(number)].width = 16
    guide = workbook.create_sheet("填写说明")
    for row, text in enumerate(guide_lines(form), 1):
        put(guide, row, 1, text)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def guide_lines(form: Form) -> list[str]:
    return [
        f"{form.group.evaluation} · {form.group.name}：每张纸质票填一行。",
        "「票号」可写纸质票上的编号。",
        f"按等次评价的填：{'、'.join(Grade.values)}（不了解不计分）；打分的填 0 到 100 的数。",
        "未填的格子视为未作评价；整行只有票号的，按空白票计。",
        *(f"{d.name}：{'按等次' if d.by_grade else '打分 0–100'}" for d in form.dimensions),
    ]


def read_slips(group: EvaluatorGroup, data: bytes) -> list[Slip]:
    """Every slip of the workbook, or a ValidationError naming each problem's row and column."""
    form = paper_form(group)
    rows = workbook_rows(data)
    expected = headings(form)
    header = [str(value or "").strip() for value in (rows[0] if rows else [])]
    if header != expected:
        raise ValidationError(
            "表头与本评议组的模板不一致，请重新下载模板填写（第 1 行应为："
            + "、".join(expected[:6])
            + ("……）" if len(expected) > 6 else "）")
        )
    slips, problems = [], []
    for number, row in enumerate(rows[1:], 2):
        if any(value not in (None, "") for value in row):
            slip, row_problems = read_slip(form, row, number)
            slips.append(slip)
            problems += row_problems
    if problems:
        raise ValidationError(
            problems[:50] + ([f"……共 {len(problems)} 处问题"] if len(problems) > 50 else [])
        )
    return slips


def read_slip(form: Form, row: list[Any], number: int) -> tuple[Slip, list[str]]:
    marks: dict[str, dict[str, str]] = {str(unit.pk): {} for unit in form.units}
    problems = []
    one = len(form.dimensions) == 1
    for index, column in enumerate(columns(form), 1):
        raw = row[index] if index < len(row) else None
        try:
            value = mark_value(column[1], raw)
        except ValidationError as error:
            where = f"第 {number} 行 {get_column_letter(index + 1)} 列「{heading(column, one)}」"
            problems += [f"{where}：{message}" for message in error.messages]
            continue
        if value:
            marks[str(column[0].pk)][str(column[1].pk)] = value
    return (marks, {}), problems


def workbook_rows(data: bytes) -> list[list[Any]]:
    try:
        with GuardedWorkbook(data, max_bytes=uploads.max_bytes(), max_rows=MAX_SLIPS) as book:
            return book.rows()
    except ImportRefused as refused:
        raise ValidationError(str(refused)) from refused
