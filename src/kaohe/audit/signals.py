"""Events kaohe does not raise itself but must audit: django-axes locking an account out."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.dispatch import receiver

from kaohe.audit.log import Action, log_change


@receiver(user_locked_out)
def audit_lockout(sender: Any, request: Any, username: str | None, **kwargs: Any) -> None:
    log_change(
        None,
        Action.ACCOUNT_LOCKED_OUT,
        target_label=str(username or "")[:150],
        new={"来源 IP": kwargs.get("ip_address")},
    )
