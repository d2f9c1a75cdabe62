"""Settings come from the environment; a production configuration passes the deploy check."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **env}
    environment.pop("DATABASE_URL", None)
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        check=False,
    )


def test_a_production_configuration_passes_the_deploy_check_with_no_warnings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        KAOHE_SECURE="1",
        KAOHE_VAR_DIR=str(tmp_path),
        KAOHE_DEBUG="0",
        KAOHE_SECRET_KEY="",
        KAOHE_ALLOWED_HOSTS="kaohe.example.gov.cn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_a_given_key_one_is_generated_into_var_once(tmp_path):
    env = {"KAOHE_VAR_DIR": str(tmp_path), "KAOHE_SECRET_KEY": ""}
    run_manage("check", **env)
    first = (tmp_path / "secret_key").read_text()
    run_manage("check", **env)
    assert (tmp_path / "secret_key").read_text() == first
    assert len(first) >= 50
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"


def test_debug_is_off_unless_asked_for():
    assert settings.DEBUG is False


def test_the_interface_is_chinese_in_shanghai_time():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert settings.USE_TZ is True


def test_sqlite_runs_in_wal_mode(db):
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    # The test database lives in memory, where SQLite reports "memory"; on disk it is WAL.
    assert mode in {"wal", "memory"}
    assert "journal_mode=WAL" in settings.DATABASES["default"]["OPTIONS"]["init_command"]


def test_sqlite_writers_wait_for_the_write_lock_instead_of_failing_at_once(db):
    if connection.vendor != "sqlite":
        return
    assert settings.DATABASES["default"]["OPTIONS"]["timeout"] >= 5
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


class JournalModeConnection:
    """A file database whose file system refused WAL: SQLite answers the old rollback journal."""

    vendor = "sqlite"
    settings_dict = {"NAME": "/mnt/share/kaohe.sqlite3"}

    def is_in_memory_db(self):
        return False

    def cursor(self):
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute(self, sql):
        self.sql = sql

    def fetchone(self):
        return ("delete",)


def test_migrate_refuses_a_sqlite_file_that_is_not_in_wal_mode(monkeypatch):
    from kaohe.web import checks

    monkeypatch.setattr(checks, "connections", {"default": JournalModeConnection()})

    problems = checks.sqlite_runs_in_wal_mode(databases=["default"])

    assert [problem.id for problem in problems] == ["kaohe.E001"]
    assert "WAL" in problems[0].msg and "网络共享" in problems[0].hint


def test_migrate_checks_the_journal_mode_of_a_new_sqlite_file(tmp_path):
    result = run_manage("migrate", "--noinput", KAOHE_VAR_DIR=str(tmp_path), KAOHE_SECRET_KEY="x")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "kaohe.E001" not in result.stderr
