"""Progress evidence takes the columns every evidence model shares (3 of 3): the kind goes,
names as long as the other evidence models', the uploader named like theirs."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("progress", "0003_evidence_content_type_from_kind"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
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
