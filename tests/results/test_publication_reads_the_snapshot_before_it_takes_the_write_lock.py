"""A publication reads what it freezes — every unit's tree and all the cycle's records — before
its one write transaction. At province scale (500,000 records) that reading took tens of
seconds, and inside the transaction SQLite's write lock was held past the busy timeout: other
requests that wrote meanwhile were answered 400 (docs/results.md, publication at province
scale). Now another connection saves while the records are read, at once."""

import threading
from typing import Any

import pytest

from kaohe.results import actions, publishing
from kaohe.results.models import Publication, UnitResult
from tests.results.test_a_recompute_never_holds_the_write_lock_while_it_computes import (
    WAIT,
    save_from_another_connection,
)


class SaveWhileReading:
    """Makes the reading of the snapshot's records wait for a save from another connection."""

    def __init__(self, cycle: Any) -> None:
        self.cycle = cycle
        self.outcomes: list[dict[str, Any]] = []
        self.original = actions.record_rows

    def record_rows(self, cycle: Any) -> Any:
        outcome: dict[str, Any] = {}
        other = threading.Thread(target=save_from_another_connection, args=(self.cycle, outcome))
        other.start()
        other.join(WAIT)
        outcome["finished"] = not other.is_alive()
        self.outcomes.append(outcome)
        other.join()
        return self.original(cycle)


def test_another_connection_saves_while_the_snapshots_records_are_read(
    transactional_db: Any, bureau: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    bureau.commit(actions.lock_cycle, bureau.office, bureau.cycle)
    bureau.cycle.refresh_from_db()
    reading = SaveWhileReading(bureau.cycle)
    monkeypatch.setattr(actions, "record_rows", reading.record_rows)
    monkeypatch.setattr(publishing, "queue_publication", lambda publication: None)
    publication = bureau.commit(publishing.publish_results, bureau.office, bureau.cycle)

    snapshot = publishing.finish_publication(Publication.objects.get(pk=publication.pk))

    [during] = reading.outcomes
    assert during["finished"], "the other connection's save waited for the publication"
    assert "error" not in during, during.get("error")
    assert snapshot is not None
    frozen = UnitResult.objects.filter(snapshot=snapshot)
    assert frozen.count() == bureau.cycle.cycle_units.count()
    bureau.cycle.refresh_from_db()
    assert bureau.cycle.status == "published"
