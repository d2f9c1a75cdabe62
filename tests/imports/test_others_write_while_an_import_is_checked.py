"""Issue 16: a bulk import held SQLite's write lock for its whole length — during a 20,000-row
records import 16 of 200 concurrent saves got 500. The rows are now read and checked with no
transaction open: on a file database, in its own process as in production, another connection
writes while the import is in the middle of checking its rows, and the import then still saves
every row."""

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(var_dir, *args, wait=True):
    environment = {
        **os.environ,
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}",
        "KAOHE_VAR_DIR": str(var_dir),
        "KAOHE_SECRET_KEY": "import-test",
        "KAOHE_TASKS": "immediate",
        "KAOHE_SQLITE_BUSY_MS": "200",
    }
    environment.pop("DATABASE_URL", None)
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    process = subprocess.Popen(
        command, env=environment, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    if wait:
        output = process.communicate(timeout=300)[0].decode()
        assert process.returncode == 0, output
    return process


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("demo")
    manage(var_dir, "migrate", "--noinput")
    manage(var_dir, "load_demo")
    return var_dir / "kaohe.sqlite3"


@pytest.fixture
def site(demo, tmp_path):
    shutil.copy(demo, tmp_path / "kaohe.sqlite3")
    (tmp_path / "notes").mkdir()
    return tmp_path


def wait_for(path, process, seconds=120):
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert process.poll() is None, process.stdout.read().decode()
        assert time.monotonic() < deadline, f"{path.name} never came"
        time.sleep(0.05)


def write_from_another_connection(database):
    """A save as any other request makes one: take the write lock, insert, commit — waiting at
    most 200 ms, as the app's busy timeout would in this test."""
    other = sqlite3.connect(database, timeout=0.2, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute(
            "INSERT INTO django_session (session_key, session_data, expire_date)"
            " VALUES ('written-meanwhile', '', '2100-01-01 00:00:00')"
        )
        other.execute("COMMIT")
    finally:
        other.close()


def records_in(database):
    with sqlite3.connect(database) as reading:
        return reading.execute("SELECT COUNT(*) FROM cycles_record").fetchone()[0]


def test_another_connection_writes_while_the_import_checks_its_rows(site):
    database, notes = site / "kaohe.sqlite3", site / "notes"
    before = records_in(database)
    code = (
        "from tests.imports.file_database import import_pausing_while_checking; "
        f"import_pausing_while_checking({str(notes)!r}, 500)"
    )
    importing = manage(site, "shell", "-c", code, wait=False)
    try:
        wait_for(notes / "checking", importing)
        write_from_another_connection(database)  # raised "database is locked" before
    finally:
        (notes / "written").touch()
    output = importing.communicate(timeout=300)[0].decode()

    assert importing.returncode == 0, output
    assert (notes / "outcome").read_text(encoding="utf-8") == "已导入 500 条考核记录"
    assert records_in(database) == before + 500
