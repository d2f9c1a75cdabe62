"""A snapshot freezes its records as JSON rows. Those published before cycles 0006 keyed the
record's fields cycle_unit_id, node_path, rule_id, occurred_on; results 0008 gives them the
glossary's names, so an old publication keeps showing its records."""

from importlib import import_module
from typing import Any

from django.apps import apps
from django.urls import reverse

from kaohe.results.models import UnitResult

renaming = import_module("kaohe.results.migrations.0008_snapshot_records_take_the_glossary_names")


def frozen_rows(published: Any) -> Any:
    return UnitResult.objects.get(snapshot=published.snapshot, unit="党建科")


def test_records_frozen_under_the_former_names_show_after_the_migration(
    published: Any, client: Any
) -> None:
    now = frozen_rows(published).records
    renaming.backwards(apps, None)  # the rows as a snapshot published before the rename held
    before = frozen_rows(published).records
    assert {"node_path", "rule_id", "occurred_on", "cycle_unit_id"} <= set(before[0])

    renaming.forwards(apps, None)

    assert frozen_rows(published).records == now
    client.force_login(published.reporter)
    unit = published.units["党建科"]
    url = reverse("results:unit", args=[published.cycle.pk, unit.pk])
    page = client.get(url, {"snapshot": 1}).content.decode()
    assert "× 2：6月迟到两人次" in page and "89.00" in page
    assert f"记录 #{published.lateness.pk}" in page
