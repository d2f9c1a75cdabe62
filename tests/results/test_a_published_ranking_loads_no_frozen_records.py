"""A published cycle's ranking reads the shown snapshot's summary once and no unit's tree or
frozen records; a breakdown reads its own unit's row only. Before issue 16 the ranking loaded
whole snapshots — every record of the cycle with them — three times."""

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kaohe.results import actions


def captured(client: Any, url: str) -> list[str]:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in context.captured_queries]


def summaries_read(sql: list[str]) -> list[str]:
    return [q for q in sql if q.startswith("SELECT") and '"results_snapshot"."summary"' in q]


def test_the_published_ranking_reads_one_summary_and_no_records(
    published: Any, client: Any
) -> None:
    client.force_login(published.office)
    url = reverse("results:ranking", args=[published.cycle.pk])
    one = captured(client, url)
    published.commit(actions.republish, published.office, published.cycle, "更正")

    two = captured(client, url)

    assert len(two) == len(one)
    assert len(summaries_read(two)) == 1
    assert not [q for q in two if "results_unitresult" in q]


def test_a_published_breakdown_reads_its_own_units_row(published: Any, client: Any) -> None:
    client.force_login(published.office)
    unit = published.units["党建科"]

    sql = captured(client, reverse("results:unit", args=[published.cycle.pk, unit.pk]))

    rows = [q for q in sql if "results_unitresult" in q]
    assert rows and all('"unit" = ' in q for q in rows)
    assert len(summaries_read(sql)) == 1
