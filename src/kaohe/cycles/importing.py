"""The assessors' records workbook: a template to download and an all-or-nothing upload.

The upload runs as an import job (kaohe.imports): the rows are read and checked with no
transaction open, then saved together in one short one, so that a 20,000-row file never keeps
other people's saves waiting for the write lock while it is read.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from kaohe import engine, uploads
from kaohe.accounts.models import User
from kaohe.audit.log import Action, log_prepared, prepared_entries
from kaohe.cycles import actions
from kaohe.cycles.access import recording_test
from kaohe.cycles.changes import changes_told_once
from kaohe.cycles.fields import row_problems, stored_values
from kaohe.cycles.models import Cycle, CycleUnit, Record
from kaohe.imports.jobs import ImportFailed, Progress, importer
from kaohe.imports.models import ImportJob
from kaohe.transfer.limits import ImportRefused
from kaohe.transfer.records import COLUMNS, records_from_rows
from kaohe.transfer.workbooks import GuardedWorkbook
from kaohe.transfer.written_text import put_row

MAX_ROWS = 20_000
BATCH = 2_000  # rows per INSERT statement of the one saving transaction


class RecordsImportError(ImportFailed):
    """The workbook is refused: nothing saved, every problem named by row and column."""


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


def workbook_rows(data: bytes) -> list[list[Any]]:
    """The first sheet's rows, through the guarded workbook reader."""
    try:
        with GuardedWorkbook(data, max_bytes=uploads.max_bytes(), max_rows=MAX_ROWS) as workbook:
            return workbook.rows()
    except ImportRefused as refused:
        raise RecordsImportError([str(refused)]) from refused


@importer(refused="导入失败，未保存任何记录")
def import_records(job: ImportJob, data: bytes, progress: Progress) -> str:
    """Adds every record in the workbook, or none. Every row is read and checked first, with no
    transaction open; then all are saved in one short transaction (``save_records``)."""
    cycle = Cycle.objects.select_related("scheme_version").get(pk=job.params["cycle"])
    actor = User.objects.get(pk=job.started_by_id)
    try:
        parsed = records_from_rows(workbook_rows(data))
    except engine.FactsError as error:
        raise RecordsImportError(list(error.problems)) from error
    progress.stage("正在校验", total=len(parsed))
    rows = checked_rows(actor, cycle, parsed, progress)
    progress.stage("正在保存")
    progress.inserted(save_records(actor, cycle, rows))
    return f"已导入 {len(rows)} 条考核记录"


def checked_rows(
    actor: User, cycle: Cycle, parsed: list[engine.Record], progress: Progress
) -> list[Record]:
    """The rows as unsaved records, each checked as a save from the grid would check it
    (check_record, may_record); every refused row is reported, by row and column."""
    if not cycle.is_open:
        raise RecordsImportError([f"考核周期「{cycle}」{cycle.get_status_display()}，不能导入记录"])
    units = {cycle_unit.label: cycle_unit for cycle_unit in cycle.cycle_units.all()}
    may = recording_test(actor, cycle)
    rows: list[Record] = []
    problems: list[str] = []
    for number, parsed_record in enumerate(parsed, start=1):
        try:
            rows.append(unsaved_row(cycle, parsed_record, units, may))
        except ValidationError as error:
            problems += row_problems(parsed_record.source, error)
        except PermissionDenied as error:
            problems.append(f"{parsed_record.source}：{error}")
        progress.checked(number)
    if problems:
        raise RecordsImportError(problems)
    return rows


def unsaved_row(
    cycle: Cycle, record: engine.Record, units: dict[str, CycleUnit], may: Callable[[str], bool]
) -> Record:
    cycle_unit = units.get(record.unit)
    if cycle_unit is None:
        raise ValidationError(f"「{record.unit}」不是本周期的被考核单位")
    values = stored_values(record)
    actions.check_record(cycle, values)
    if not may(values["indicator"]):
        raise PermissionDenied("您不负责该指标的考核")
    return Record(cycle=cycle, unit=cycle_unit, **values)


def save_records(actor: User, cycle: Cycle, rows: list[Record]) -> int:
    """One short transaction: the cycle still open (row lock) and the actor still keeping every
    indicator, then the records and their audit entries (built beforehand) in bulk, the change
    told once."""
    for row in rows:
        row.recorded_by = actor
    audit = prepared_entries(
        actor, Action.RECORD_ADDED, ((row, None, actions.record_snapshot(row)) for row in rows)
    )
    with changes_told_once() as batch:
        try:
            actions.ensure_open(cycle)  # the office may have locked it while rows were checked
        except ValidationError as error:
            raise RecordsImportError(error.messages) from error
        may = recording_test(actor, cycle)
        if not all(may(path) for path in {row.indicator for row in rows}):
            raise RecordsImportError(["导入期间您负责的指标有变动，请重新上传"])
        Record.objects.bulk_create(rows, batch_size=BATCH)
        log_prepared(audit)
        for cycle_unit in {row.unit_id: row.unit for row in rows}.values():
            batch.add(cycle, cycle_unit)
    return len(rows)


def add_parsed(actor: User, record: engine.Record, units: dict[str, Any]) -> None:
    cycle_unit = units.get(record.unit)
    if cycle_unit is None:
        raise ValidationError(f"「{record.unit}」不是本周期的被考核单位")
    with transaction.atomic():
        actions.add_record(actor, cycle_unit, **stored_values(record))
