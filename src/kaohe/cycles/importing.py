"""The assessors' records workbook: a template to download and an all-or-nothing upload."""

from __future__ import annotations

import io
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from kaohe import engine, uploads
from kaohe.accounts.models import User
from kaohe.cycles import actions
from kaohe.cycles.fields import row_problems, stored_values
from kaohe.cycles.models import Cycle
from kaohe.transfer.limits import ImportRefused
from kaohe.transfer.records import COLUMNS, records_from_rows
from kaohe.transfer.workbooks import GuardedWorkbook
from kaohe.transfer.written_text import put_row

MAX_ROWS = 20_000


class RecordsImportError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("；".join(problems))
        self.problems = problems


def records_template(cycle: Cycle, nodes: list[engine.Node]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "考核记录"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True, name="宋体")
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for number in range(1, len(COLUMNS) + 1):
        sheet.column_dimensions[get_column_letter(number)].width = 16
    guide = workbook.create_sheet("指标与规则")
    guide.append(["指标编号", "指标", "规则", "规则类型", "规则原文"])
    kinds = engine.rule_kinds()
    for node in nodes:
        for rule in node.rules:
            put_row(
                guide,
                [
                    node.code,
                    node.path,
                    rule.id,
                    kinds.get(rule.kind, rule.kind),
                    rule.text or node.criteria[:200],
                ],
            )
    units = workbook.create_sheet("被考核单位")
    units.append(["被考核单位"])
    for cycle_unit in cycle.cycle_units.all():
        put_row(units, [cycle_unit.label])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def workbook_rows(upload: IO[bytes]) -> list[list[Any]]:
    """The first sheet's rows, through the guarded workbook reader."""
    data = upload.read(uploads.max_bytes() + 1)
    try:
        with GuardedWorkbook(data, max_bytes=uploads.max_bytes(), max_rows=MAX_ROWS) as workbook:
            return workbook.rows()
    except ImportRefused as refused:
        raise RecordsImportError([str(refused)]) from refused


def import_records(actor: User, cycle: Cycle, upload: IO[bytes]) -> int:
    """Adds every record in the workbook, or none: any bad row rolls everything back."""
    try:
        parsed = records_from_rows(workbook_rows(upload))
    except engine.FactsError as error:
        raise RecordsImportError(list(error.problems)) from error
    units = {cycle_unit.label: cycle_unit for cycle_unit in cycle.cycle_units.all()}
    problems: list[str] = []
    with transaction.atomic():
        for record in parsed:
            try:
                add_parsed(actor, record, units)
            except ValidationError as error:
                problems += row_problems(record.source, error)
            except PermissionDenied as error:
                problems.append(f"{record.source}：{error}")
        if problems:
            raise RecordsImportError(problems)  # leaving the block by an error rolls it back
    return len(parsed)


def add_parsed(actor: User, record: engine.Record, units: dict[str, Any]) -> None:
    cycle_unit = units.get(record.unit)
    if cycle_unit is None:
        raise ValidationError(f"「{record.unit}」不是本周期的被考核单位")
    with transaction.atomic():
        actions.add_record(actor, cycle_unit, **stored_values(record))
