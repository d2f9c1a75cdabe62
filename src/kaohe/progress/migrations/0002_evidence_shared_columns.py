"""Progress evidence takes the columns every evidence model shares: the checked content type
(from the kind each row already holds) in place of the bare kind, and the longer names."""

from django.conf import settings
from django.db import migrations, models

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
    dependencies = [
        ("progress", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="evidence",
            name="content_type",
            field=models.CharField(default="", max_length=100, verbose_name="类型"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="evidence",
            name="kind",
            field=models.CharField(blank=True, default="", max_length=10, verbose_name="类型"),
        ),
        migrations.RunPython(content_type_from_kind, kind_from_content_type),
        migrations.RemoveField(model_name="evidence", name="kind"),
        migrations.AlterField(
            model_name="evidence",
            name="original_name",
            field=models.CharField(max_length=255, verbose_name="文件名"),
        ),
        migrations.AlterField(
            model_name="evidence",
            name="stored_name",
            field=models.CharField(max_length=255, unique=True, verbose_name="存储名"),
        ),
        migrations.AlterField(
            model_name="evidence",
            name="size",
            field=models.PositiveIntegerField(verbose_name="大小"),
        ),
        migrations.AlterField(
            model_name="evidence",
            name="uploaded_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="上传人",
            ),
        ),
    ]
