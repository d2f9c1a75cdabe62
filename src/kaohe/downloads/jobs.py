"""Files made in the background: an export or a 通报 is asked for in a request and made by a job.

A view hands ``start_download`` the maker to run with its parameters and answers at once with the
download's page (kaohe.downloads.views), which polls every second until the file is ready, then
offers it to whoever asked. The job (``make_download``, a django-tasks task: ``KAOHE_TASKS=worker``
queues it for ``manage.py task_worker``, ``immediate`` runs it in the request) runs the maker
through ``kaohe.jobs.run_once`` and keeps the file in the default storage under ``downloads/``.
Each new download first removes those older than ``KEEP`` (row and file).

A maker is a function ``(download, progress) -> Made`` marked with ``@maker``; it refuses by
raising ``DownloadFailed`` with the reason in Chinese for the page.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import timezone
from django_tasks import task

from kaohe.audit.log import Action, log_change
from kaohe.downloads.models import Download
from kaohe.jobs import JobRefused, Progress, Registry, path_of, run_once, waiting
from kaohe.uploads import clean_name

FOLDER = "downloads"
KEEP = timedelta(days=1)
INTERNAL_ERROR = "生成文件时发生内部错误，请稍后重试或联系系统管理员"


@dataclass(frozen=True)
class Made:
    content: bytes
    filename: str
    content_type: str


class DownloadFailed(JobRefused):
    """The file cannot be made; the message says why, in Chinese, for the download's page."""


Maker = Callable[[Download, Progress], Made]
MAKERS: Registry[Maker] = Registry("文件生成程序")


def maker(function: Maker) -> Maker:
    """Marks a function as one ``make_download`` may call (a stored path names nothing else)."""
    return MAKERS.register(function)


def start_download(
    actor: Any,
    make: Maker,
    *,
    title: str,
    back_url: str,
    about: models.Model,
    shown: Mapping[str, str] | None = None,
    **params: Any,
) -> Download:
    """Queues the download (with the immediate backend: makes it) and audits the request: who
    asked for which file (``title``, and ``shown``: e.g. which results), of what (``about``: the
    cycle). A view runs in autocommit, so the row is committed before a worker looks."""
    remove_expired()
    with transaction.atomic():
        download = Download.objects.create(
            maker=path_of(make), title=title, params=params, back_url=back_url, requested_by=actor
        )
        log_change(actor, Action.FILE_REQUESTED, about, new={"文件": title, **(shown or {})})
    make_download.enqueue(download.pk)
    download.refresh_from_db()
    return download


@task()
def make_download(download_id: int) -> None:
    """Makes the download's file once (``kaohe.jobs.run_once``)."""
    download = waiting(Download, download_id)
    if download is None:
        return
    make = MAKERS.resolve(download.maker)
    run_once(
        download,
        lambda: kept(make(download, Progress(download))),
        refused=lambda failed: {"problem": str(failed)},
        broken=lambda: {"problem": INTERNAL_ERROR},
    )


def kept(made: Made) -> dict[str, str]:
    stored = default_storage.save(f"{FOLDER}/{secrets.token_hex(16)}", ContentFile(made.content))
    filename = clean_name(made.filename)
    return {"stored_name": stored, "filename": filename, "content_type": made.content_type}


def remove_expired() -> int:
    """Drops the downloads asked for more than ``KEEP`` ago, with their files; the number."""
    expired = Download.objects.filter(created_at__lt=timezone.now() - KEEP)
    for stored in expired.exclude(stored_name="").values_list("stored_name", flat=True):
        default_storage.delete(stored)
    return expired.delete()[0]


def stored_content(download: Download) -> bytes | None:
    """The file, while it is kept (None once it is gone)."""
    if download.status != Download.Status.DONE or not download.stored_name:
        return None
    if not default_storage.exists(download.stored_name):
        return None
    with default_storage.open(download.stored_name, "rb") as stored:
        return stored.read()  # type: ignore[no-any-return]
