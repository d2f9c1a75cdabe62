"""Publication of a province-size cycle (issue 14 item 8): the 公示 request returns at once while
the snapshot is made in the background.

    PYTHONPATH=src .venv/bin/python -m kaohe.bench.publication [--postgres URL]

In a fresh installation under var/bench-publication/ (a scratch SQLite database; or, with
--postgres, a PostgreSQL database whose name contains "load", dropped and created afresh) with
``KAOHE_TASKS=worker``: the scale of bench_engine — 2,000 units, 300 leaf indicators, 500,000
records, inserted in bulk — the live result computed once by the task worker, the cycle locked.
Then the office POSTs 公示结果 through the Django test client and the time to the answer is taken;
the task worker makes the snapshot while a second client polls the publication's page every half
second. Printed: the request's time, the snapshot's time, their ratio, what the page and the
cycle said meanwhile and after.

The honest limit for the request is the status change alone (one row locked and updated, one
audit entry, the job queued); the snapshot must read every record, compute every unit and freeze
them, so it grows with the cycle while the request must not. The figures measured, with the date
and the machine's load: docs/results.md, "Publication at province scale".
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
POLL_SECONDS = 0.5


def options(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m kaohe.bench.publication", description=__doc__)
    parser.add_argument("--units", type=int, default=2_000)
    parser.add_argument("--records", type=int, default=500_000)
    parser.add_argument("--postgres", default="", help="库名须含「load」，运行前清空重建")
    parser.add_argument("--folder", type=Path, default=ROOT / "var" / "bench-publication")
    return parser.parse_args(argv)


def installation(folder: Path, postgres: str) -> None:
    """A fresh var dir (and database) for this run, named in the environment before setup."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "var").mkdir(parents=True)
    os.environ.update(
        KAOHE_VAR_DIR=str(folder / "var"),
        KAOHE_TASKS="worker",
        DJANGO_SETTINGS_MODULE="kaohe.project.settings",
    )
    if postgres:
        from kaohe.bench.load.__main__ import fresh_postgres

        fresh_postgres(postgres)
        os.environ["DATABASE_URL"] = postgres
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def run_worker() -> None:
    from django.core.management import call_command

    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)


def timed(step: str, action: Any) -> Any:
    started = time.perf_counter()
    outcome = action()
    print(f"   {step}：{time.perf_counter() - started:.1f} s", flush=True)
    return outcome


def main(argv: Sequence[str] | None = None) -> int:
    chosen = options(argv)
    where = f"PostgreSQL {chosen.postgres.rsplit('/', 1)[-1]}" if chosen.postgres else "SQLite"
    print(f"== 省级规模周期的公示（{where}）==", flush=True)
    timed("新建数据库", lambda: installation(chosen.folder, chosen.postgres))
    from kaohe.bench import province

    cycle, office = timed(
        f"建立周期（{chosen.units} 个单位，{chosen.records} 条记录，批量写入）",
        lambda: province.build(chosen.units, chosen.records),
    )
    province.ask_for_live_result(cycle)
    timed("后台计算实时结果（公示前考核办审核所见）", run_worker)
    province.lock(cycle, office)
    figures = measure(cycle, office)
    print(province.report(figures), flush=True)
    return 0 if figures["ok"] else 1


def measure(cycle: Any, office: Any) -> dict[str, Any]:
    """The POST timed to its answer; then the worker makes the snapshot while a poller looks."""
    from kaohe.bench import province

    client = province.office_client(office)
    started = time.perf_counter()
    page = client.get(province.ranking_url(cycle))  # where the 公示结果 button is
    page_seconds = time.perf_counter() - started
    started = time.perf_counter()
    answer = client.post(province.publish_url(cycle))
    request_seconds = time.perf_counter() - started
    cycle.refresh_from_db()
    after_request = cycle.get_status_display()
    poller = province.Poller(province.office_client(office), cycle, POLL_SECONDS)
    worker_started = time.perf_counter()
    with poller:
        run_worker()
    snapshot_seconds = time.perf_counter() - worker_started
    cycle.refresh_from_db()
    return {
        "page": page_seconds,
        "page_status": f"HTTP {page.status_code}",
        "answer": answer.status_code,
        "request": request_seconds,
        "after_request": after_request,
        "snapshot": snapshot_seconds,
        "seen": poller.seen,
        "final": cycle.get_status_display(),
        "snapshots": cycle.snapshots.count(),
        "ok": answer.status_code == 302 and cycle.snapshots.count() == 1,
    }


if __name__ == "__main__":
    import sys

    sys.exit(main())
