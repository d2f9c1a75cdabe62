"""Turns an audit entry into what the audit page shows: old → new per field, in Chinese words.

A key that is a field of the changed object's model is named by the field's verbose_name (the
model is found by the entry's object type, at run time, so the audit app imports none of the
apps above it); other keys are Chinese already. An action that logs a bare value rather than
named fields says in BARE_VALUE_FIELDS, the one table of such labels, which field the value is.
Entries are never rewritten, so a field renamed since keeps its old key in old entries:
FORMER_NAMES, the one table of such history aliases, names the field it became.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from kaohe.audit.models import Action, AuditEntry

EMPTY = "（空）"
ITEM_SEPARATOR = "、"
PAIR_SEPARATOR = "；"

# Actions that log a bare value rather than named fields: the model field the value is.
BARE_VALUE_FIELDS: dict[str, tuple[str, str]] = {
    Action.ROLE_GRANTED: ("accounts.RoleGrant", "role"),
    Action.ROLE_REVOKED: ("accounts.RoleGrant", "role"),
    Action.ACCOUNT_ENABLED: ("accounts.User", "is_active"),
    Action.ACCOUNT_DISABLED: ("accounts.User", "is_active"),
    Action.CYCLE_LOCKED: ("cycles.Cycle", "status"),
    Action.CYCLE_REOPENED: ("cycles.Cycle", "status"),
    Action.CYCLE_PUBLISHED: ("cycles.Cycle", "status"),
    Action.CYCLE_FINALISED: ("cycles.Cycle", "status"),
    Action.SUBMISSION_SUBMITTED: ("progress.Submission", "status"),
    Action.SUBMISSION_APPROVED: ("progress.Submission", "status"),
    Action.SUBMISSION_ACCEPTED: ("progress.Submission", "status"),
    Action.SUBMISSION_RETURNED: ("progress.Submission", "status"),
    Action.PROGRESS_WRITTEN: ("progress.Submission", "content"),
    Action.EVALUATION_SCORE_ENTERED: ("cycles.EvaluationEntry", "score"),
    Action.EVALUATION_SCORE_WITHDRAWN: ("cycles.EvaluationEntry", "score"),
    Action.APPEAL_CORRECTED_SCORE: ("cycles.EvaluationEntry", "score"),
}


# History aliases: a model's field names before a rename → the field's name now. Old audit
# entries (immutable: chained and guarded by triggers) keep the old keys; the page shows them
# under the same Chinese labels as the new ones. Nothing is ever logged under these names again.
FORMER_NAMES = {
    # Until cycles 0006 a record stored four fields under names older than the glossary's.
    "cycles.Record": {
        "cycle_unit": "unit",
        "cycle_unit_id": "unit_id",
        "node_path": "indicator",
        "rule_id": "rule",
        "occurred_on": "date",
    },
}


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class EntryRow:
    """One line of the audit page."""

    entry: AuditEntry
    action: str
    changes: list[Change]


def entry_rows(entries: Any) -> list[EntryRow]:
    return [EntryRow(entry, entry.get_action_display(), changes(entry)) for entry in entries]


def changes(entry: AuditEntry) -> list[Change]:
    """Old → new per field when old or new names fields, else the one value before and after."""
    old, new = entry.old, entry.new
    if old is None and new is None:
        return []
    if isinstance(old, dict | None) and isinstance(new, dict | None) and (old or new):
        return field_changes(entry, old or {}, new or {})
    field = bare_value_field(entry.action)
    label = str(field.verbose_name) if field else ""
    return [Change(label, readable(old, field), readable(new, field))]


def field_changes(entry: AuditEntry, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Per key of either side; a key that reads the same before and after is left out."""
    model = model_named(entry.object_type)
    keys = in_field_order(model, [*old, *(key for key in new if key not in old)])
    every = [field_change(model, key, old.get(key), new.get(key)) for key in keys]
    return [change for change in every if change.old != change.new] or every


def in_field_order(model: type[models.Model] | None, keys: list[str]) -> list[str]:
    """The model's field order first: PostgreSQL's jsonb does not keep the keys as logged."""
    fields = model._meta.concrete_fields if model else ()
    order = {name: i for i, f in enumerate(fields) for name in (f.name, f.attname)}
    return sorted(keys, key=lambda key: order.get(current_name(model, key), len(order)))


def field_change(model: type[models.Model] | None, key: str, old: Any, new: Any) -> Change:
    field = model_field(model, key)
    label = str(field.verbose_name) if field else key
    return Change(label, readable(old, field), readable(new, field))


def readable(value: Any, field: models.Field[Any, Any] | None = None) -> str:
    """A stored value in words: （空）, 是/否, a choice by its label, lists and dicts in full."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return ITEM_SEPARATOR.join(readable(item, field) for item in value)
    if isinstance(value, dict):
        return PAIR_SEPARATOR.join(f"{key}：{readable(item)}" for key, item in value.items())
    return scalar_text(value, field)


def scalar_text(value: Any, field: models.Field[Any, Any] | None) -> str:
    choices = {str(key): label for key, label in field.flatchoices} if field else {}
    if str(value) in choices:
        return str(choices[str(value)])
    if isinstance(field, models.DecimalField):
        return trimmed(str(value))
    return str(value)


def trimmed(number: str) -> str:
    """2.5000 → 2.5, 3.0000 → 3."""
    try:
        return format(Decimal(number).normalize(), "f")
    except InvalidOperation:
        return number


@cache
def models_by_name() -> dict[str, type[models.Model]]:
    return {str(model._meta.verbose_name): model for model in apps.get_models()}


def model_named(object_type: str) -> type[models.Model] | None:
    return models_by_name().get(object_type)


def model_field(model: type[models.Model] | None, key: str) -> models.Field[Any, Any] | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(current_name(model, key))
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def current_name(model: type[models.Model] | None, key: str) -> str:
    """The field's name now, for a key an old entry logged under a name since renamed."""
    return FORMER_NAMES.get(model._meta.label, {}).get(key, key) if model else key


def bare_value_field(action: str) -> models.Field[Any, Any] | None:
    if action not in BARE_VALUE_FIELDS:
        return None
    model_label, name = BARE_VALUE_FIELDS[action]
    try:
        return model_field(apps.get_model(model_label), name)
    except LookupError:
        return None
