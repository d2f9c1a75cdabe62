"""A recompute reads the facts and computes outside any transaction: while the engine runs,
another connection can save (a session row, a new request to recompute) at once. Before issue
16 the whole recompute ran in one write transaction and that save met 「database is locked」
on SQLite (or waited for the recompute on PostgreSQL)."""

import datetime
import threading
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from kaohe import engine
from kaohe.results import live
from kaohe.results.jobs import number_request
from kaohe.results.models import LiveResult

WAIT = 5  # seconds: far more than a save needs, far less than the busy timeout


def save_from_another_connection(cycle: Any, outcome: dict[str, Any]) -> None:
    try:
        Session.objects.create(
            session_key="another-user",
            session_data="",
            expire_date=timezone.now() + datetime.timedelta(hours=1),
        )
        outcome["request"] = number_request(cycle)
    except Exception as error:  # the failure is what the test reports
        outcome["error"] = error
    finally:
        connection.close()


class SaveDuringCompute:
    """Makes the engine's first computation wait for a save from another connection."""

    def __init__(self, cycle: Any) -> None:
        self.cycle = cycle
        self.outcomes: list[dict[str, Any]] = []
        self.original = engine.compute

    def compute(self, scheme: Any, facts: Any) -> Any:
        if not self.outcomes:
            outcome: dict[str, Any] = {}
            other = threading.Thread(
                target=save_from_another_connection, args=(self.cycle, outcome)
            )
            other.start()
            other.join(WAIT)
            outcome["finished"] = not other.is_alive()
            self.outcomes.append(outcome)
            other.join()
        return self.original(scheme, facts)


def test_another_connection_saves_while_the_engine_runs(
    transactional_db: Any, bureau: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    saving = SaveDuringCompute(bureau.cycle)
    monkeypatch.setattr(engine, "compute", saving.compute)

    live.recompute(bureau.cycle)

    [during] = saving.outcomes
    assert during["finished"], "the other connection's save waited for the recompute"
    assert "error" not in during, during.get("error")
    assert during["request"] == 1
    assert Session.objects.filter(session_key="another-user").exists()
    # The request numbered while it computed is counted before the recompute lets go.
    result = LiveResult.objects.get(cycle=bureau.cycle)
    assert result.answered == 1 and not result.pending
