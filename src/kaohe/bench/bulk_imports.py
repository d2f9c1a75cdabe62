"""Time and write-lock hold of a bulk records import and a bulk user import (issue 16).

On a scratch installation with the demo loaded (SQLite, a file database):

    export KAOHE_VAR_DIR=/tmp/bulk KAOHE_SECRET_KEY=bench KAOHE_TASKS=worker
    python manage.py migrate && python manage.py load_demo
    PYTHONPATH=src python -m kaohe.bench.bulk_imports --records 20000 --users 5000

While an import runs, a probe process tries every 5 ms to take SQLite's write lock without
waiting (BEGIN IMMEDIATE, then ROLLBACK). The longest stretch it was refused is the longest a
save made meanwhile would have waited for the lock; the honest limit is the bulk insert itself,
which any all-or-nothing import must do in one transaction. With ``KAOHE_TASKS=worker`` the
recompute the import asks for is queued, not run, so the figures are the import's own.
``--fast-hash`` hashes with MD5, to measure the rest of a user import without the Argon2
hashes (time those with ``--hashes``).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROBE = """
import json, sqlite3, sys, time, os
database, stop = sys.argv[1], sys.argv[2]
longest = refused_since = None
longest, tries, refused = 0.0, 0, 0
while not os.path.exists(stop):
    tries += 1
    probe = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE"); probe.execute("ROLLBACK")
        if refused_since is not None:
            longest = max(longest, time.monotonic() - refused_since); refused_since = None
    except sqlite3.OperationalError:
        refused += 1
        refused_since = refused_since or time.monotonic()
    probe.close()
    time.sleep(0.005)
if refused_since is not None:
    longest = max(longest, time.monotonic() - refused_since)
print(json.dumps({"longest": longest, "tries": tries, "refused": refused}))
"""


def probed(database: Path, work: Any) -> tuple[float, dict[str, float]]:
    """Runs ``work()`` under the probe; its seconds and what the probe saw."""
    stop = Path(tempfile.mkdtemp()) / "stop"
    command = [sys.executable, "-c", PROBE, str(database), str(stop)]
    probe = subprocess.Popen(command, stdout=subprocess.PIPE)  # noqa: S603 - our own probe
    time.sleep(0.2)
    started = time.perf_counter()
    work()
    seconds = time.perf_counter() - started
    stop.touch()
    return seconds, json.loads(probe.communicate()[0])


def workbook(sheets: dict[str, list[list[Any]]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def records_file(count: int) -> bytes:
    from django.conf import settings

    from kaohe.transfer.records import COLUMNS

    scenario = settings.BASE_DIR / "schemes/scenarios/zhangjiagang-sections/records.csv"
    with open(scenario, encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[1:]
    picked = [[cell or None for cell in rows[number % len(rows)]] for number in range(count)]
    return workbook({"考核记录": [list(COLUMNS), *picked]})


def users_file(count: int) -> bytes:
    from kaohe.accounts.importing import UNIT_HEADERS, USER_HEADERS

    users = [
        [f"bulk{number:05}", f"用户{number}", "市行政审批局", "", "Shifan@2026x", ""]
        for number in range(count)
    ]
    return workbook({"单位": [list(UNIT_HEADERS)], "用户": [list(USER_HEADERS), *users]})


def run_import(kind: str, data: bytes) -> str:
    """Through the import job where there is one (this branch), else the old in-request call."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kaohe.accounts.importing import import_organisation
    from kaohe.accounts.models import User
    from kaohe.cycles.importing import import_records
    from kaohe.cycles.models import Cycle
    from kaohe.web.demo import DEMO_CYCLE

    office, admin = User.objects.get(username="khb"), User.objects.get(username="xtgly")
    cycle = Cycle.objects.get(name=DEMO_CYCLE)
    upload = SimpleUploadedFile("bulk.xlsx", data)
    try:
        from kaohe.imports.jobs import run_import as job_task
        from kaohe.imports.jobs import start_import
    except ImportError:
        if kind == "records":
            return f"{import_records(office, cycle, upload)} records"
        return str(import_organisation(admin, upload))
    if kind == "records":
        job = start_import(office, import_records, upload, title="", back_url="", cycle=cycle.pk)
    else:
        job = start_import(admin, import_organisation, upload, title="", back_url="")
    job_task.call(job.pk)  # as the task worker runs it (KAOHE_TASKS=worker: queued, not run)
    job.refresh_from_db()
    return f"{job.status}: {job.outcome} {job.problems[:3]}"


def measure(database: Path, kind: str, data: bytes) -> None:
    outcome: list[str] = []
    seconds, seen = probed(database, lambda: outcome.append(run_import(kind, data)))
    print(
        f"{kind}: {seconds:.1f} s, write lock held at most {seen['longest']:.2f} s "
        f"({seen['refused']}/{seen['tries']} probes refused) — {outcome[0][:200]}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=0)
    parser.add_argument("--users", type=int, default=0)
    parser.add_argument("--hashes", type=int, default=0)
    parser.add_argument("--fast-hash", action="store_true")
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kaohe.project.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.hashers import make_password

    if options.fast_hash:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    database = Path(settings.DATABASES["default"]["NAME"])
    if options.records:
        measure(database, "records", records_file(options.records))
    if options.users:
        measure(database, "users", users_file(options.users))
    if options.hashes:
        started = time.perf_counter()
        for number in range(options.hashes):
            make_password(f"Shifan@2026x{number}")
        each = (time.perf_counter() - started) / options.hashes
        print(f"password hash: {each:.3f} s each ({settings.PASSWORD_HASHERS[0]})")


if __name__ == "__main__":
    main()
