"""A task for the worker tests: it writes to the database, then leaves a note that it is done.

With ``wait_for`` it first announces it has started and waits for that file to appear, so a test
can take the database's write lock in the middle of the task."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

from django.contrib.sessions.models import Session
from django.utils import timezone
from django_tasks import task


@task()
def write_and_note(folder: str, wait_for: str = "") -> None:
    notes = Path(folder)
    if wait_for and not (notes / "started").exists():
        (notes / "started").touch()
        deadline = time.monotonic() + 20
        while not (notes / wait_for).exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    expiry = timezone.now() + timedelta(days=1)
    Session.objects.create(
        session_key=f"worker-{time.time_ns()}", session_data="", expire_date=expiry
    )
    (notes / "done").touch()
