"""Progress evidence takes the columns every evidence model shares (1 of 3): the content type
beside the bare kind, which becomes optional. Data and schema changes go in separate migrations,
since PostgreSQL refuses to alter a table with updates pending in the same transaction."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("progress", "0001_initial")]

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
    ]
