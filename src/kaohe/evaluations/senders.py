"""Sending ballot links: by e-mail through Django's mail backend, or by SMS through a backend
named in settings (``KAOHE_SMS_BACKEND``). The addresses are used once and never stored."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string


class SmsBackend(Protocol):
    def send(self, phone: str, text: str) -> None: ...


class FileSmsBackend:
    """Writes each message into a file of its own under ``SMS_OUTBOX_DIR`` (tests, trials)."""

    def send(self, phone: str, text: str) -> None:
        outbox = Path(settings.SMS_OUTBOX_DIR)
        outbox.mkdir(parents=True, exist_ok=True)
        (outbox / f"{uuid.uuid4().hex}.txt").write_text(f"{phone}\n{text}\n", encoding="utf-8")


def sms_backend() -> SmsBackend:
    backend: SmsBackend = import_string(settings.SMS_BACKEND)()
    return backend


def message(evaluation_name: str, link: str) -> str:
    return f"您好！请参加「{evaluation_name}」，打开以下链接填写（每个链接限填一次，匿名）：{link}"


def send_by_email(address: str, evaluation_name: str, link: str) -> None:
    send_mail(f"请参加{evaluation_name}", message(evaluation_name, link), None, [address])


def send_by_sms(phone: str, evaluation_name: str, link: str) -> None:
    sms_backend().send(phone, message(evaluation_name, link))
