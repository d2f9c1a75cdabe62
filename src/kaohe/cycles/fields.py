"""A record's fields on the Django side: engine.RECORD_FIELDS, under the same names in the model,
the form, the grid, the template, the import and the snapshot. Everything in cycles, results and
appeals that lists a record's fields asks here.
"""

from __future__ import annotations

from collections import defaultdict
from operator import attrgetter
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from kaohe import engine
from kaohe.cycles.models import Record

# What an assessor keeps for a unit: every field but the unit itself.
KEPT = tuple(field for field in engine.RECORD_FIELDS if field.name != "unit")
RECORD_COLUMNS = tuple(field.name for field in KEPT)
# A stored record's fields in engine.Record's order (after its unit, before its source): reading
# the facts of a city cycle builds 50,000 of them, and positional arguments cost the least.
stored_fields = attrgetter(*RECORD_COLUMNS)
LABELS = {field.name: field.label for field in KEPT}


def stored_values(record: engine.Record) -> dict[str, Any]:
    """An engine record (as read from a file) as the model's field values, unit aside."""
    return {name: getattr(record, name) for name in RECORD_COLUMNS}


def unsaved_record(values: dict[str, Any]) -> engine.Record:
    """The model's field values (some perhaps missing) as the engine record they would make."""
    fields: dict[str, Any] = {}
    for field in KEPT:
        value = values.get(field.name)
        fields[field.name] = "" if value is None and field.kind == "text" else value
    return engine.Record(unit="", **fields)


def record_row(record: Record) -> dict[str, Any]:
    """A record frozen into a snapshot (JSON-ready: numbers and dates as text)."""
    row: dict[str, Any] = {"id": record.pk, "unit_id": record.unit_id}
    for column in RECORD_COLUMNS:
        value = getattr(record, column)
        row[column] = value if value is None or isinstance(value, str) else str(value)
    row["version"] = record.version
    return row


def refusal(problems: list[engine.FieldProblem]) -> ValidationError:
    """The engine's problems keyed by the model's fields; each message names its field."""
    by_column: dict[str, list[ValidationError]] = defaultdict(list)
    for problem in problems:
        column = problem.field or NON_FIELD_ERRORS
        where = f"「{LABELS[column]}」" if column in LABELS else ""
        text = ValidationError("%(where)s%(text)s", params={"where": where, "text": problem.text})
        by_column[column].append(text)
    return ValidationError(dict(by_column))


def row_problems(source: str, error: ValidationError) -> list[str]:
    """An import row's refusal, naming the row and, for a field, its column:
    第 5 行「次数」列：不能为负数或零（填写的是 -3）."""
    if not hasattr(error, "error_dict"):
        return [f"{source}：{text}" for text in error.messages]
    lines = []
    for column, errors in error.error_dict.items():
        where = f"{source}「{LABELS[column]}」列" if column in LABELS else source
        for item in errors:
            text = item.params["text"] if item.params else item.message
            lines.append(f"{where}：{text}")
    return lines
