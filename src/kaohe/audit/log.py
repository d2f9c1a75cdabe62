"""The one entry point every feature calls to record a change in the audit log."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from django.db import models

from kaohe.audit.models import AuditEntry

current_ip: ContextVar[str | None] = ContextVar("kaohe_audit_ip", default=None)


def log_change(
    actor: Any,
    action: str,
    target: models.Model | None = None,
    *,
    old: Any = None,
    new: Any = None,
    target_label: str = "",
) -> AuditEntry:
    """Append one audit entry: who (None is the system), what, old → new, from where."""
    acting_user = actor if getattr(actor, "pk", None) else None
    return AuditEntry.objects.create(
        actor=acting_user,
        actor_name=str(actor) if actor is not None else "系统",
        action=action,
        object_type=target._meta.verbose_name if target is not None else "",
        object_id=str(target.pk) if target is not None else "",
        object_repr=(target_label or str(target))[:200] if target is not None else target_label,
        old=old,
        new=new,
        ip=current_ip.get(),
    )


def client_ip(meta: dict[str, Any]) -> str | None:
    return meta.get("REMOTE_ADDR") or None
