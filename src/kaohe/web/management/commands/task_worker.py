"""`manage.py task_worker`: django-tasks-db's `db_worker` that survives a locked database.

The stock worker dies when SQLite stays locked past the busy timeout while it claims a task (a
long import holds the write lock for minutes), and a task that meets the lock is marked failed,
so a queued recompute stays undone until someone saves again. This worker waits and tries again
with a growing pause instead, and puts a task that failed on the lock back in the queue.
`make run` starts it under kaohe.project.supervise, which restarts it should it die anyway.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from django.db import OperationalError, close_old_connections
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import is_locked_database_exception

logger = logging.getLogger("kaohe.worker")
T = TypeVar("T")

FIRST_PAUSE_SECONDS = 0.5
LONGEST_PAUSE_SECONDS = 10.0
TIMES_A_TASK_IS_QUEUED_AGAIN = 20


def pause_before(attempt: int) -> float:
    return min(LONGEST_PAUSE_SECONDS, FIRST_PAUSE_SECONDS * 2**attempt)


def failed_on_a_locked_database(result: DBTaskResult) -> bool:
    return result.status == TaskResultStatus.FAILED and result.traceback.rstrip().endswith(
        "database is locked"
    )


class PatientWorker(db_worker.Worker):
    def run(self) -> None:
        self.patiently(super().run)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        try:
            super().run_task(db_task_result)
            recorded = True
        except OperationalError as error:  # the lock kept even the outcome from being saved
            if not is_locked_database_exception(error):
                raise
            recorded = False
        attempts = len(db_task_result.worker_ids)
        if failed_on_a_locked_database(db_task_result) and attempts < TIMES_A_TASK_IS_QUEUED_AGAIN:
            self.patiently(lambda: queue_again(db_task_result, pause_before(attempts)))
        elif not recorded:
            self.patiently(lambda: record_outcome(db_task_result))

    def patiently(self, action: Callable[[], T]) -> T:
        attempt = 0
        while True:
            try:
                return action()
            except OperationalError as error:
                if not is_locked_database_exception(error) or not self.running:
                    raise
                pause = pause_before(attempt)
                logger.warning("数据库被占用（%s），%.1f 秒后重试", error, pause)
                close_old_connections()
                time.sleep(pause)
                attempt += 1


def record_outcome(result: DBTaskResult) -> None:
    fields = ["status", "return_value", "finished_at", "exception_class_path", "traceback"]
    result.save(update_fields=fields)


def queue_again(result: DBTaskResult, pause: float) -> None:
    result.status = TaskResultStatus.READY
    result.run_after = timezone.now() + timedelta(seconds=pause)
    result.finished_at = None
    result.save(update_fields=["status", "run_after", "finished_at"])
    logger.warning("任务 %s 遇到数据库被占用，%.1f 秒后重新执行", result.id, pause)


class Command(db_worker.Command):
    help = "运行后台任务进程（重新计算、公示、导入、生成文件）；数据库被占用时等待重试，不退出。"

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        worker = PatientWorker(
            queue_names=options["queue_name"].split(","),
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=[name for name in options["exclude_queues"].split(",") if name],
        )
        worker.configure_signals()
        worker.run()
