from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def queries(client: Any, url: str) -> int:
    client.get(url)  # the first view computes the cycle once
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_the_ranking_costs_the_same_for_three_units_as_for_six(graded: Any, client: Any) -> None:
    client.force_login(graded.office)
    for label in ("办公室", "党建科", "督查科"):
        graded.graded_record(label, "late", "1")
        graded.record(label, "1.2", "st1", "1")

    three = queries(client, reverse("results:ranking", args=[graded.graded_cycle.pk]))
    six = queries(client, reverse("results:ranking", args=[graded.cycle.pk]))

    assert three == six


def test_a_breakdown_costs_the_same_with_one_record_as_with_five(bureau: Any, client: Any) -> None:
    client.force_login(bureau.office)
    bureau.record("党建科", "1.2", "st1", "1")
    for _ in range(5):
        bureau.record("办公室", "1.2", "st1", "1")
    cycle = bureau.cycle.pk

    one = queries(client, reverse("results:unit", args=[cycle, bureau.units["党建科"].pk]))
    five = queries(client, reverse("results:unit", args=[cycle, bureau.units["办公室"].pk]))

    assert one == five
