"""A long import holds SQLite's write lock for minutes. The stock `db_worker` died when it met the
lock, and queued recomputes stayed undone until a restart; `task_worker` waits, retries, and the
task still gets done. Run as in production: a file database and the worker in its own process."""

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUSY_MS = "200"  # the lock outlasts the busy timeout many times over


def manage(var_dir, *args, wait=True):
    environment = {
        **os.environ,
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}",
        "KAOHE_VAR_DIR": str(var_dir),
        "KAOHE_SECRET_KEY": "worker-test",
        "KAOHE_TASKS": "worker",
        "KAOHE_SQLITE_BUSY_MS": BUSY_MS,
    }
    environment.pop("DATABASE_URL", None)
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    process = subprocess.Popen(
        command, env=environment, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    if wait:
        process.wait(timeout=120)
    return process


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("migrated")
    assert manage(var_dir, "migrate", "--noinput").returncode == 0
    return var_dir / "kaohe.sqlite3"


@pytest.fixture
def site(migrated, tmp_path):
    shutil.copy(migrated, tmp_path / "kaohe.sqlite3")
    (tmp_path / "notes").mkdir()
    return tmp_path


def enqueue(site, wait_for=""):
    code = (
        "from tests.web.worker_tasks import write_and_note; "
        f"write_and_note.enqueue({str(site / 'notes')!r}, {wait_for!r})"
    )
    assert manage(site, "shell", "-c", code).returncode == 0


@contextmanager
def write_lock_held(site):
    holder = sqlite3.connect(site / "kaohe.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def run_worker(site, command, *until):
    until = until or ("--batch",)  # run what is queued, then stop
    return manage(site, command, *until, "--no-startup-delay", "--interval", "0.1", wait=False)


def test_the_stock_worker_dies_on_a_locked_database(site):
    enqueue(site)
    with write_lock_held(site):
        worker = run_worker(site, "db_worker")
        output = worker.communicate(timeout=60)[0].decode()
    assert worker.returncode != 0
    assert "database is locked" in output
    assert not (site / "notes" / "done").exists()


def test_the_worker_waits_for_the_lock_and_then_runs_the_task(site):
    enqueue(site)
    with write_lock_held(site):
        worker = run_worker(site, "task_worker")
        waited = wait_for_line(worker, "数据库被占用")
        time.sleep(1)
        assert worker.poll() is None  # still alive, waiting
    output = worker.communicate(timeout=60)[0].decode()
    assert worker.returncode == 0, output
    assert (site / "notes" / "done").exists()
    assert "秒后重试" in waited


def wait_for_line(process, text):
    """The first line of the process's output holding ``text`` ('' if the output ends first)."""
    for line in iter(process.stdout.readline, b""):
        if text in line.decode():
            return line.decode()
    return ""


def test_a_task_that_meets_the_lock_is_queued_again_and_done(site):
    notes = site / "notes"
    enqueue(site, wait_for="locked")
    worker = run_worker(site, "task_worker", "--max-tasks", "2")  # the failed run and the next
    while not (notes / "started").exists():
        assert worker.poll() is None, worker.communicate()[0].decode()
        time.sleep(0.05)
    with write_lock_held(site):
        (notes / "locked").touch()  # the task now writes and meets the lock
        time.sleep(2)
    output = worker.communicate(timeout=60)[0].decode()
    assert worker.returncode == 0, output
    assert (notes / "done").exists()
    assert "重新执行" in output
