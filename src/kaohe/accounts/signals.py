"""Logins, logouts and failed logins are written to the audit log; a login starts the
absolute session clock."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from kaohe.accounts.middleware import stamp_login_time
from kaohe.audit.log import Action, log_change


@receiver(user_logged_in)
def audit_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    log_change(user, Action.LOGGED_IN, user)
    if request is not None and hasattr(request, "session"):
        stamp_login_time(request.session)


@receiver(user_logged_out)
def audit_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        log_change(user, Action.LOGGED_OUT, user)


@receiver(user_login_failed)
def audit_failed_login(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    log_change(None, Action.LOGIN_FAILED, target_label=str(credentials.get("username", ""))[:150])
