"""Every kept result in parts: the summary on its row, each unit's tree (and a snapshot's
records of that unit) in a UnitResult row; the live request counter on RecomputeRequests.
Its own migration: PostgreSQL refuses to alter a table with these inserts pending."""

from typing import Any

from django.db import migrations


def split(apps: Any, schema_editor: Any) -> None:
    live_results = apps.get_model("results", "LiveResult")
    snapshots = apps.get_model("results", "Snapshot")
    requests = apps.get_model("results", "RecomputeRequests")
    unit_results = apps.get_model("results", "UnitResult")
    cycle_units = apps.get_model("cycles", "CycleUnit")
    for live in live_results.objects.all():
        requests.objects.get_or_create(cycle_id=live.cycle_id, defaults={"requested": live.requested})
        live.summary = summary_of(live.data)
        live.save(update_fields=["summary"])
        unit_results.objects.bulk_create(
            unit_results(cycle_id=live.cycle_id, unit=unit["unit"], nodes=unit.get("nodes", []))
            for unit in live.data.get("units", [])
        )
    for snapshot in snapshots.objects.all():
        labels = dict(cycle_units.objects.filter(cycle_id=snapshot.cycle_id).values_list("id", "label"))
        records: dict[str, list] = {}
        for record in snapshot.records:
            records.setdefault(labels.get(record["cycle_unit_id"], ""), []).append(record)
        snapshot.summary = summary_of(snapshot.data)
        snapshot.save(update_fields=["summary"])
        unit_results.objects.bulk_create(
            unit_results(
                cycle_id=snapshot.cycle_id,
                snapshot_id=snapshot.pk,
                unit=unit["unit"],
                nodes=unit.get("nodes", []),
                records=records.get(unit["unit"], []),
            )
            for unit in snapshot.data.get("units", [])
        )


def summary_of(data: dict) -> dict:
    units = [{k: v for k, v in unit.items() if k != "nodes"} for unit in data.get("units", [])]
    return {**data, "units": units} if data else {}


class Migration(migrations.Migration):
    dependencies = [
        ("results", "0003_results_in_parts"),
    ]

    operations = [migrations.RunPython(split, migrations.RunPython.noop)]
