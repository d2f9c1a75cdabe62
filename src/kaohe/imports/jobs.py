"""Bulk imports as background jobs: the upload kept until the job ends, progress on a page.

A view hands the uploaded workbook to ``start_import`` with the importer to run and returns at
once with the job's page (kaohe.imports.views). The job (``run_import``, a django-tasks task:
``KAOHE_TASKS=worker`` queues it for ``manage.py task_worker``, ``immediate`` runs it in the
request) reads and checks every row with no transaction open, then lets the importer save all
rows in one short transaction — a long file never holds the write lock while it is read.

An importer is a function ``(job, data, progress) -> outcome`` marked with ``@importer(...)``;
it refuses the file by raising ``ImportFailed`` with every problem found, and saves nothing then.
One that makes something with a page of its own (a draft scheme) sets ``job.result_url``: the
job's page leads there once the job is done.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from typing import IO, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import OperationalError
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from kaohe import uploads
from kaohe.audit.log import Action, log_change
from kaohe.imports.models import ImportJob
from kaohe.uploads import clean_name, extension_of

FOLDER = "imports"
INTERNAL_ERROR = "导入时发生内部错误，未保存任何数据，请联系系统管理员"


class ImportFailed(Exception):
    """The file is refused as a whole; ``problems`` says why, row by row where it can."""

    def __init__(self, problems: list[Any]) -> None:
        super().__init__("；".join(str(problem) for problem in problems))
        self.problems = problems


Importer = Callable[[ImportJob, bytes, "Progress"], str]


def importer(refused: str) -> Callable[[Importer], Importer]:
    """Marks a function as one ``run_import`` may call; ``refused`` heads its list of problems
    (e.g. 导入失败，未保存任何记录)."""

    def mark(function: Importer) -> Importer:
        function.refused = refused  # type: ignore[attr-defined]
        return function

    return mark


class Progress:
    """What the job's page shows, written to its row as the import goes: a step at once, the
    rows checked or saved at most once a second (each write is a tiny transaction of its own)."""

    EVERY_SECONDS = 1.0

    def __init__(self, job: ImportJob) -> None:
        self.job = job
        self.written_at = 0.0

    def stage(self, text: str, total: int | None = None) -> None:
        self.job.stage = text
        fields = {"stage": text}
        if total is not None:
            self.job.rows_total = fields["rows_total"] = total  # type: ignore[assignment]
        self.write(fields)

    def checked(self, count: int) -> None:
        self.job.rows_checked = count
        if time.monotonic() - self.written_at >= self.EVERY_SECONDS or count == self.job.rows_total:
            self.write({"rows_checked": count})

    def count(self, text: str, done: int, total: int) -> None:
        """A long step that is not about rows (hashing passwords): 正在加密初始密码（120/5000）."""
        self.stage(f"{text}（{done}/{total}）")

    def inserted(self, count: int) -> None:
        self.job.rows_inserted = count
        self.write({"rows_inserted": count})

    def write(self, fields: dict[str, Any]) -> None:
        ImportJob.objects.filter(pk=self.job.pk).update(**fields)
        self.written_at = time.monotonic()


def start_import(
    actor: Any, run: Importer, upload: IO[bytes], *, title: str, back_url: str, **params: Any
) -> ImportJob:
    """Keeps the upload in the temporary store and queues the job (with the immediate backend:
    runs it). More than the upload cap is not even read: the guarded reader refuses the file by
    its size. A view runs in autocommit, so the job row is committed before a worker looks."""
    data = upload.read(uploads.max_bytes() + 1)
    name = clean_name(getattr(upload, "name", "") or "导入.xlsx")
    stored_as = f"{FOLDER}/{secrets.token_hex(16)}.{extension_of(name) or 'bin'}"
    stored = default_storage.save(stored_as, ContentFile(data))
    job = ImportJob.objects.create(
        importer=f"{run.__module__}.{run.__qualname__}",
        title=title,
        params=params,
        back_url=back_url,
        original_name=name,
        stored_name=stored,
        started_by=actor,
    )
    run_import.enqueue(job.pk)
    job.refresh_from_db()
    return job


@task()
def run_import(job_id: int) -> None:
    """Runs the job's importer once; the stored file is removed when the job ends either way.
    A locked database puts the job back in the queue with its file (the task worker retries)."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None or job.finished:
        return
    run = resolve(job.importer)
    progress = Progress(job)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    try:
        progress.stage("正在读取文件")
        outcome = run(job, read_stored(job), progress)
    except ImportFailed as failed:
        finish(job, ImportJob.Status.FAILED, run.refused, failed.problems)  # type: ignore[attr-defined]
    except OperationalError:
        ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.QUEUED)
        raise
    except Exception:
        finish(job, ImportJob.Status.FAILED, INTERNAL_ERROR, [])
        raise
    else:
        finish(job, ImportJob.Status.DONE, outcome, [])


def resolve(path: str) -> Importer:
    run = import_string(path)
    if not hasattr(run, "refused"):
        raise ValueError(f"{path} 不是导入程序")
    return run  # type: ignore[no-any-return]


def read_stored(job: ImportJob) -> bytes:
    with default_storage.open(job.stored_name, "rb") as stored:
        return stored.read()  # type: ignore[no-any-return]


def finish(job: ImportJob, status: str, outcome: str, problems: list[Any]) -> None:
    if status == ImportJob.Status.FAILED:
        audit_failure(job, outcome, problems)
    if job.stored_name:
        default_storage.delete(job.stored_name)
    ImportJob.objects.filter(pk=job.pk).update(
        status=status,
        stage="",
        outcome=outcome,
        problems=[str(problem) for problem in problems],
        notes=job.notes,
        result_url=job.result_url if status == ImportJob.Status.DONE else "",
        stored_name="",
        finished_at=timezone.now(),
    )


def audit_failure(job: ImportJob, outcome: str, problems: list[Any]) -> None:
    """A refused or broken import leaves an audit entry: who sent which file, and why it failed
    (the first problems: a long list is on the job's page)."""
    log_change(
        job.started_by,
        Action.IMPORT_FAILED,
        job,
        target_label=f"{job.title}：{job.original_name}",
        new={"结果": outcome, "问题": [str(problem) for problem in problems[:10]]},
    )
