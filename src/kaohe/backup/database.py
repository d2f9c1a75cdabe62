"""Dump and restore the database Django is configured with.

SQLite is copied with its online backup API (sqlite3.Connection.backup), a consistent copy even
while the app keeps writing; PostgreSQL with ``pg_dump -Fc`` and ``pg_restore``. The password
reaches the PostgreSQL tools in their environment, never on a command line others can read.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import connection

from kaohe.backup.archive import BackupError

DUMP_NAMES = {"sqlite": "kaohe.sqlite3", "postgresql": "kaohe.pgdump"}


def vendor() -> str:
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"不支持备份 {connection.vendor} 数据库（仅支持 SQLite 与 PostgreSQL）")
    return connection.vendor


def dump_database(folder: Path) -> Path:
    target = folder / DUMP_NAMES[vendor()]
    if vendor() == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(target)) as copy:
            connection.connection.backup(copy)
    else:
        run_postgres_tool("pg_dump", "--format=custom", "--no-owner", f"--file={target}")
    return target


def restore_database(dump: Path) -> None:
    if vendor() == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(dump)) as archived:
            archived.backup(connection.connection)
    else:
        connection.close()  # pg_restore drops and recreates the tables this connection may hold
        run_postgres_tool(
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(dump)
        )


def holds_data() -> bool:
    """Does the database already hold an installation (any user account)?"""
    users = get_user_model()
    return users._meta.db_table in connection.introspection.table_names() and (
        users.objects.exists()
    )


def run_postgres_tool(tool: str, *arguments: str) -> None:
    program = shutil.which(tool)
    if program is None:
        raise BackupError(f"找不到 {tool}：请安装 PostgreSQL 客户端工具")
    settings = connection.settings_dict
    command = [program, f"--dbname={settings['NAME']}", *arguments]
    environment = {**os.environ, **postgres_environment(settings)}
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{tool} 执行失败：{result.stderr.strip()}")


def postgres_environment(settings: dict) -> dict[str, str]:
    given = {
        "PGHOST": settings.get("HOST"),
        "PGPORT": settings.get("PORT"),
        "PGUSER": settings.get("USER"),
        "PGPASSWORD": settings.get("PASSWORD"),
    }
    return {name: str(value) for name, value in given.items() if value}
