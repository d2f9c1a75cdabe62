"""Progress evidence takes the columns every evidence model shares (2 of 3): each file's
content type from the kind it already holds."""

from django.db import migrations

# kaohe.uploads.CONTENT_TYPES as it stood when this migration was written
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
}


def content_type_from_kind(apps, schema_editor):
    Evidence = apps.get_model("progress", "Evidence")
    for kind, content_type in CONTENT_TYPES.items():
        Evidence.objects.filter(kind=kind).update(content_type=content_type)
    Evidence.objects.filter(content_type="").update(content_type="application/octet-stream")


def kind_from_content_type(apps, schema_editor):
    Evidence = apps.get_model("progress", "Evidence")
    for kind, content_type in reversed(CONTENT_TYPES.items()):
        Evidence.objects.filter(content_type=content_type).update(kind=kind)


class Migration(migrations.Migration):
    dependencies = [("progress", "0002_evidence_content_type")]

    operations = [migrations.RunPython(content_type_from_kind, kind_from_content_type)]
