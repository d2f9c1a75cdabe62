"""Start-up checks of the database, run by `manage.py migrate` (which `make run` starts with).

SQLite serves several processes at once only in WAL mode (readers never wait for the writer);
settings ask for it on every connection, but a file system that cannot hold the WAL index (a
network share) silently keeps the old rollback journal, and then every read waits for writes.
"""

from __future__ import annotations

from typing import Any

from django.core.checks import Error, Tags, register
from django.db import connections


@register(Tags.database)
def sqlite_runs_in_wal_mode(databases: Any = None, **kwargs: Any) -> list[Error]:
    problems = []
    for alias in databases or ():
        connection = connections[alias]
        if connection.vendor != "sqlite" or connection.is_in_memory_db():
            continue
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            mode = cursor.fetchone()[0]
        if mode.lower() != "wal":
            problems.append(
                Error(
                    f"SQLite 数据库「{connection.settings_dict['NAME']}」未能启用 WAL 模式"
                    f"（当前为 {mode}），多进程同时读写时会出现 database is locked。",
                    hint="请把数据库放在本机磁盘上（不要放在网络共享目录），或改用 PostgreSQL。",
                    id="kaohe.E001",
                )
            )
    return problems
