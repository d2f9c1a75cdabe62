"""Bulk imports as background jobs: the upload kept until the job ends, progress on a page.

A view hands the uploaded workbook to ``start_import`` with the importer to run and returns at
once with the job's page (kaohe.imports.views). The job (``run_import``, a django-tasks task:
``KAOHE_TASKS=worker`` queues it for ``manage.py task_worker``, ``immediate`` runs it in the
request) runs the importer through ``kaohe.jobs.run_once``: it reads and checks every row with
no transaction open, then saves all rows in one short transaction — a long file never holds the
write lock while it is read.

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
from django_tasks import task

from kaohe import jobs, uploads
from kaohe.audit.log import Action, log_change
from kaohe.imports.models import ImportJob
from kaohe.jobs import JobRefused, Registry, path_of, run_once, waiting
from kaohe.uploads import clean_name, extension_of

FOLDER = "imports"
INTERNAL_ERROR = "导入时发生内部错误，未保存任何数据，请联系系统管理员"


class ImportFailed(JobRefused):
    """The file is refused as a whole; ``problems`` says why, row by row where it can."""


class Progress(jobs.Progress):
    """What the job's page shows, written to its row as the import goes: a step at once, the
    rows checked or saved at most once a second."""

    EVERY_SECONDS = 1.0
    job: ImportJob

    def __init__(self, job: ImportJob) -> None:
        super().__init__(job)
        self.written_at = 0.0

    def stage(self, text: str, total: int | None = None) -> None:
        self.write(stage=text, **({} if total is None else {"rows_total": total}))

    def checked(self, count: int) -> None:
        self.job.rows_checked = count
        if time.monotonic() - self.written_at >= self.EVERY_SECONDS or count == self.job.rows_total:
            self.write(rows_checked=count)

    def count(self, text: str, done: int, total: int) -> None:
        """A long step that is not about rows (hashing passwords): 正在加密初始密码（120/5000）."""
        self.stage(f"{text}（{done}/{total}）")

    def inserted(self, count: int) -> None:
        self.write(rows_inserted=count)

    def write(self, **fields: Any) -> None:
        self.job.write(**fields)
        self.written_at = time.monotonic()


Importer = Callable[[ImportJob, bytes, Progress], str]
IMPORTERS: Registry[Importer] = Registry("导入程序")


def importer(refused: str) -> Callable[[Importer], Importer]:
    """Marks a function as one ``run_import`` may call; ``refused`` heads its list of problems
    (e.g. 导入失败，未保存任何记录)."""

    def mark(function: Importer) -> Importer:
        return IMPORTERS.register(function, note=refused)

    return mark


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
        importer=path_of(run),
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
    """Runs the job's importer once (``kaohe.jobs.run_once``); the stored file is removed when
    the job ends either way, and kept while a locked database puts the job back in the queue."""
    job = waiting(ImportJob, job_id)
    if job is None:
        return
    run = IMPORTERS.resolve(job.importer)
    heading = IMPORTERS.notes[job.importer]
    progress = Progress(job)

    def imported() -> dict[str, Any]:
        progress.stage("正在读取文件")
        return ended(job, run(job, read_stored(job), progress), [])

    run_once(
        job,
        imported,
        refused=lambda failed: failure(job, heading, failed.problems),
        broken=lambda: failure(job, INTERNAL_ERROR, []),
    )


def read_stored(job: ImportJob) -> bytes:
    with default_storage.open(job.stored_name, "rb") as stored:
        return stored.read()  # type: ignore[no-any-return]


def failure(job: ImportJob, outcome: str, problems: list[Any]) -> dict[str, Any]:
    """The fields a refused or broken import ends with; it is audited."""
    audit_failure(job, outcome, problems)
    job.result_url = ""
    return ended(job, outcome, problems)


def ended(job: ImportJob, outcome: str, problems: list[Any]) -> dict[str, Any]:
    """The fields a job ends with, either way; its stored file is removed."""
    if job.stored_name:
        default_storage.delete(job.stored_name)
    return {
        "outcome": outcome,
        "problems": [str(problem) for problem in problems],
        "notes": job.notes,
        "result_url": job.result_url,
        "stored_name": "",
    }


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
