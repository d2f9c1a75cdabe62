"""In-app notifications, with the same text by e-mail (the console in the demo)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction

from kaohe.progress.models import Notification

SUBJECT = "【绩效考核】"


def notify(users: Iterable[Any], text: str, url: str = "") -> list[Notification]:
    """One notification per distinct user; the e-mails go out once the transaction commits."""
    recipients = {user.pk: user for user in users if getattr(user, "pk", None)}.values()
    created = Notification.objects.bulk_create(
        Notification(user=user, text=text[:500], url=url) for user in recipients
    )
    mails = [
        (SUBJECT + text[:60], mail_body(text, url), settings.DEFAULT_FROM_EMAIL, [user.email])
        for user in recipients
        if user.email
    ]
    if mails:
        transaction.on_commit(lambda: send_mass_mail(mails, fail_silently=True))
    return created


def mail_body(text: str, url: str) -> str:
    lines = [text]
    if url:
        lines.append(f"请登录绩效考核管理系统查看：{url}")
    return "\n\n".join(lines)
