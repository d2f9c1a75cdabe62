"""Background jobs: the one home of a job's row, its progress and its one run by the task worker.

A request writes the job's row — a ``BackgroundJob`` subclass: a file to make (kaohe.downloads),
an import to run (kaohe.imports), a cycle's results to publish (kaohe.results.Publication) —
naming its work (a function from the app's ``Registry`` and its JSON ``params``, or the row's
own fields), queues the app's django-tasks task and answers with the job's page, which polls the
row (``web/_job_progress.html``, the one polling part each job's part extends). The task hands
the row to ``run_once``: 排队中 → 进行中 (the page shows each step) → 已完成, or 失败 with why in
Chinese. A locked database puts the job back in the queue (the task worker retries it); any
other error ends it with an internal error on its page and goes to the worker's log. Each app
keeps what is its own: a download's file, an import's rows, problems and notes, a publication's
cycle and problems.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from django.db import OperationalError, models
from django.utils import timezone
from django.utils.module_loading import import_string

Fields = Mapping[str, Any]
Function = TypeVar("Function", bound=Callable[..., Any])
Job = TypeVar("Job", bound="BackgroundJob")


class BackgroundJob(models.Model):
    """一项后台任务: what was asked (``title``, ``params``), where its page leads back to, and how
    far it has got. Every write is a tiny transaction of its own: the page reads the row while the
    job runs."""

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "进行中"
        DONE = "done", "已完成"
        FAILED = "failed", "失败"

    # This kind of job's own words for a status, where they are not the stored label (a file
    # is 生成中 while it runs; a publication is 发布中 from the moment it is asked for).
    STATUS_WORDS: Mapping[str, str] = {}

    title = models.CharField("内容", max_length=200)
    params = models.JSONField("参数", default=dict)
    back_url = models.CharField("返回地址", max_length=300, blank=True)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField("当前步骤", max_length=50, blank=True)
    created_at = models.DateTimeField("开始时间", auto_now_add=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-id"]

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def status_word(self) -> str:
        """What its page says of it: this kind of job's word for its status, or the label."""
        label: str = self.get_status_display()  # type: ignore[attr-defined]
        return self.STATUS_WORDS.get(self.status, label)

    def write(self, **fields: Any) -> None:
        """These fields, on this row and at once in the database."""
        for name, value in fields.items():
            setattr(self, name, value)
        type(self)._default_manager.filter(pk=self.pk).update(**fields)

    def start(self) -> None:
        self.write(status=self.Status.RUNNING)

    def step(self, text: str, **fields: Any) -> None:
        self.write(stage=text, **fields)

    def requeue(self) -> None:
        self.write(status=self.Status.QUEUED)

    def finish(self, **fields: Any) -> None:
        self.write(status=self.Status.DONE, stage="", finished_at=timezone.now(), **fields)

    def fail(self, **fields: Any) -> None:
        self.write(status=self.Status.FAILED, stage="", finished_at=timezone.now(), **fields)


class JobRefused(Exception):
    """The job cannot be done; raised by its function with why, in Chinese, for its page: one
    reason, or every problem found (``problems``, a list either way)."""

    def __init__(self, problems: str | Sequence[Any]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("；".join(str(problem) for problem in self.problems))


class Progress:
    """The step a job's page shows while the job runs."""

    def __init__(self, job: BackgroundJob) -> None:
        self.job = job

    def stage(self, text: str) -> None:
        self.job.step(text)


class Registry(Generic[Function]):
    """The functions one kind of job may run. A row names its function by dotted path, and the
    task runs only one registered here: a stored path names nothing else. Each registration may
    carry a note (an importer's heading for its refusals)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.notes: dict[str, Any] = {}

    def register(self, function: Function, note: Any = None) -> Function:
        self.notes[path_of(function)] = note
        return function

    def resolve(self, path: str) -> Function:
        function = import_string(path)  # importing its module registers it
        if path not in self.notes:
            raise ValueError(f"{path} 不是{self.kind}")
        return function  # type: ignore[no-any-return]


def path_of(function: Callable[..., Any]) -> str:
    return f"{function.__module__}.{function.__qualname__}"


def waiting(model: type[Job], job_id: int) -> Job | None:
    """The job, unless it is gone or has already ended (a task runs a job once)."""
    job = model._default_manager.filter(pk=job_id).first()
    return None if job is None or job.finished else job


def run_once(
    job: BackgroundJob,
    work: Callable[[], Fields],
    refused: Callable[[JobRefused], Fields],
    broken: Callable[[], Fields],
) -> None:
    """Runs the job: 进行中, then 已完成 with ``work``'s fields. A refusal ends it 失败 with
    ``refused``'s fields (why, for its page); any other error with ``broken``'s (an internal
    error, never its text), then goes on to the worker. A locked database puts it back in the
    queue (the task worker retries it)."""
    job.start()
    try:
        done = work()
    except JobRefused as refusal:
        job.fail(**refused(refusal))
    except OperationalError:
        job.requeue()
        raise
    except Exception:
        job.fail(**broken())
        raise
    else:
        job.finish(**done)
