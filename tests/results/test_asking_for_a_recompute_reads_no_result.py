"""Numbering a request to recompute is one UPDATE on a row without any result: it neither
reads nor rewrites the result JSON. Before issue 16 it loaded the whole result (3.4 MB on a
city-size cycle) inside a write transaction to add 1 to a counter."""

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kaohe.results.jobs import ask_for_recompute
from kaohe.results.live import live_result

RESULT_COLUMNS = ('"summary"', '"nodes"', '"records"', '"data"')


def test_a_saved_record_numbers_its_request_without_touching_the_result(
    bureau: Any, worker_backend: None
) -> None:
    live_result(bureau.cycle)  # a computed result to stay away from

    with CaptureQueriesContext(connection) as context:
        asked = ask_for_recompute(bureau.cycle, bureau.units["党建科"])

    sql = [query["sql"] for query in context.captured_queries]
    touching = [q for q in sql if any(column in q for column in RESULT_COLUMNS)]
    assert touching == [], touching
    assert not [q for q in sql if "results_liveresult" in q or "results_unitresult" in q]
    bumps = [q for q in sql if q.startswith("UPDATE") and "results_recomputerequests" in q]
    assert len(bumps) == 1 and '"requested" + ' in bumps[0]
    assert asked == 1 and live_result(bureau.cycle).pending
