# The records frozen in published snapshots take the glossary's names, as the Record model does
# since cycles 0006 (one set of names in every layer): a snapshot published before keeps showing
# its records in the unit breakdown, the appeal form and the exports.

from django.db import migrations

# A frozen record row's keys before cycles 0006 → after.
RENAMED = {
    "cycle_unit_id": "unit_id",
    "node_path": "indicator",
    "rule_id": "rule",
    "occurred_on": "date",
}


def renamed_row(row, names):
    return {names.get(key, key): value for key, value in row.items()}


def rename_keys(apps, names):
    UnitResult = apps.get_model("results", "UnitResult")
    changed = []
    for unit_result in UnitResult.objects.only("id", "records").iterator():
        rows = [renamed_row(row, names) for row in unit_result.records]
        if rows != unit_result.records:
            unit_result.records = rows
            changed.append(unit_result)
    UnitResult.objects.bulk_update(changed, ["records"], batch_size=500)


def forwards(apps, schema_editor):
    rename_keys(apps, RENAMED)


def backwards(apps, schema_editor):
    rename_keys(apps, {new: old for old, new in RENAMED.items()})


class Migration(migrations.Migration):

    dependencies = [
        ("cycles", "0006_record_fields_take_the_glossary_names"),
        ("results", "0007_merge_0006_bulletin_details_0006_publication_job"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
