"""The database's own refusal to change the audit log, and the one way past it for removal.

Triggers (migration 0005) refuse every UPDATE of an audit entry, and every DELETE of an entry or
of the chain head unless the deleting transaction holds the removal permit: on PostgreSQL the
transaction-local setting ``kaohe.audit_removal``, on SQLite a function this app registers on
each of its connections and that answers from ``removal_permit`` (a plain ``sqlite3`` session
lacks the function, so its DELETE fails too). Only ``kaohe audit archive`` takes the permit,
after the entries are written to a signed archive file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

PERMIT_SETTING = "kaohe.audit_removal"
PERMIT_VALUE = "permitted"
SQLITE_FUNCTION = "kaohe_audit_removal_permitted"

removal_permit: ContextVar[bool] = ContextVar("kaohe_audit_removal_permit", default=False)


def register_sqlite_function(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """connection_created receiver: the function the SQLite DELETE triggers ask."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 0, removal_permit.get)


@contextmanager
def removal_permitted(connection: BaseDatabaseWrapper) -> Iterator[None]:
    """Inside one transaction, the triggers let audit rows be deleted; nowhere else. The permit
    is withdrawn on the way out (a rollback to the savepoint withdraws it when this fails), so it
    never outlives the block even inside a longer transaction."""
    with transaction.atomic(using=connection.alias):
        token = removal_permit.set(True)
        try:
            set_postgresql_permit(connection, PERMIT_VALUE)
            yield
            set_postgresql_permit(connection, "")
        finally:
            removal_permit.reset(token)


def set_postgresql_permit(connection: BaseDatabaseWrapper, value: str) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, %s, true)", [PERMIT_SETTING, value])
