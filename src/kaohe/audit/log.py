"""The one entry point every feature calls to record a change in the audit log.

Callers import both names from here: ``log_change(actor, Action.RECORD_ADDED, record, new=...)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any

from django.db import models

from kaohe.audit.chain import append
from kaohe.audit.models import Action, AuditEntry

__all__ = [
    "Action",
    "client_ip",
    "current_ip",
    "log_change",
    "log_changes",
    "log_prepared",
    "prepared_entries",
]

current_ip: ContextVar[str | None] = ContextVar("kaohe_audit_ip", default=None)


def log_change(
    actor: Any,
    action: Action,
    target: models.Model | None = None,
    *,
    old: Any = None,
    new: Any = None,
    target_label: str = "",
) -> AuditEntry:
    """Append one audit entry: who (None is the system), what, old → new, from where.

    ``action`` must be a member of :class:`Action`; a free string is refused (ValueError).
    """
    entry = audit_entry(actor, action, target, old=old, new=new, target_label=target_label)
    entry.save()
    return entry


def log_changes(
    actor: Any, action: Action, changes: Iterable[tuple[models.Model, Any, Any]]
) -> None:
    """Append one audit entry per (target, old, new), all in one bulk insert: a bulk import's
    rows, each audited as if saved one by one, without a round trip per row."""
    log_prepared(prepared_entries(actor, action, changes))


def prepared_entries(
    actor: Any, action: Action, changes: Iterable[tuple[models.Model, Any, Any]]
) -> list[tuple[AuditEntry, models.Model]]:
    """The entries for targets that may not be saved yet, built before a short transaction
    opens; ``log_prepared`` writes them once the targets have their ids."""
    return [
        (audit_entry(actor, action, target, old=old, new=new), target)
        for target, old, new in changes
    ]


def log_prepared(prepared: list[tuple[AuditEntry, models.Model]]) -> None:
    for entry, target in prepared:
        entry.object_id = str(target.pk)
    append(entry for entry, _ in prepared)


def audit_entry(
    actor: Any,
    action: Action,
    target: models.Model | None,
    *,
    old: Any = None,
    new: Any = None,
    target_label: str = "",
) -> AuditEntry:
    acting_user = actor if getattr(actor, "pk", None) else None
    return AuditEntry(
        actor=acting_user,
        actor_name=str(actor) if actor is not None else "系统",
        action=Action(action),
        object_type=target._meta.verbose_name if target is not None else "",
        object_id=str(target.pk) if target is not None else "",
        object_repr=(target_label or str(target))[:200] if target is not None else target_label,
        old=old,
        new=new,
        ip=current_ip.get(),
    )


def client_ip(meta: dict[str, Any]) -> str | None:
    return meta.get("REMOTE_ADDR") or None
