"""/healthz: the database answers and every migration is applied.

Reading the migration files is slow (every file of every app), so a process reads them until it
has once seen every migration applied, and from then on /healthz asks the database one `SELECT 1`:
the baseline of a trivial view for load measurements.
"""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse

migrations_applied = False  # set once per process, when no migration is pending


def pending_migrations() -> list[str]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def pending_migrations_until_all_applied() -> list[str]:
    global migrations_applied
    if migrations_applied:
        return []
    pending = pending_migrations()
    migrations_applied = not pending
    return pending


def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        pending = pending_migrations_until_all_applied()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    if pending:
        return JsonResponse({"status": "error", "pending_migrations": pending}, status=503)
    return JsonResponse({"status": "ok"})
