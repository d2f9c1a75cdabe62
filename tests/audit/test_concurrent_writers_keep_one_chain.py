"""Writers appending at once never fork the chain: each seals after the one before it, in one
unbroken sequence (on PostgreSQL the chain head row is locked; SQLite has one write lock)."""

import threading

import pytest
from django.db import connection, connections

from kaohe.audit.log import Action, log_change
from kaohe.audit.models import AuditEntry
from kaohe.audit.verify import verify_chain

WRITERS, ENTRIES_EACH = 8, 15


@pytest.mark.skipif(connection.vendor != "postgresql", reason="多连接并发写入在 PostgreSQL 上测试")
@pytest.mark.django_db(transaction=True)
def test_eight_writers_at_once_leave_one_unbroken_chain():
    start = threading.Barrier(WRITERS)
    failures = []

    def write(number):
        try:
            start.wait()
            for entry in range(ENTRIES_EACH):
                log_change(None, Action.REMINDERS_SENT, target_label=f"写入者{number}-{entry}")
        except Exception as error:
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(number,)) for number in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    seqs = list(AuditEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, WRITERS * ENTRIES_EACH + 1))
    walk = verify_chain()
    assert walk.problem == "" and walk.checked == WRITERS * ENTRIES_EACH
