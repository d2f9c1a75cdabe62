"""A publication is a kaohe.jobs.BackgroundJob, as an import and a download are: its start time
takes the job's name (created_at), it gains the job's title, params and back_url, and its status
the job's choices. The stored statuses are the job's already (running, done, failed): every row
keeps its state, and its page still says 发布中 / 已发布 / 发布失败 (Publication.STATUS_WORDS).
A publication made before has its cycle in its title; a step longer than the job's 50 characters
is cut (the job only ever wrote short ones)."""

from django.db import migrations, models

TITLE = "公示「{}」考核结果"


def titled_and_trimmed(apps, schema_editor):
    Publication = apps.get_model("results", "Publication")
    for publication in Publication.objects.select_related("cycle").iterator():
        publication.title = TITLE.format(publication.cycle.name)[:200]
        publication.stage = publication.stage[:50]
        publication.save(update_fields=["title", "stage"])


class Migration(migrations.Migration):

    dependencies = [
        ("results", "0008_snapshot_records_take_the_glossary_names"),
    ]

    operations = [
        migrations.RenameField(
            model_name="publication",
            old_name="started_at",
            new_name="created_at",
        ),
        migrations.AddField(
            model_name="publication",
            name="title",
            field=models.CharField(default="", max_length=200, verbose_name="内容"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="publication",
            name="params",
            field=models.JSONField(default=dict, verbose_name="参数"),
        ),
        migrations.AddField(
            model_name="publication",
            name="back_url",
            field=models.CharField(blank=True, max_length=300, verbose_name="返回地址"),
        ),
        migrations.RunPython(titled_and_trimmed, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="publication",
            name="stage",
            field=models.CharField(blank=True, max_length=50, verbose_name="当前步骤"),
        ),
        migrations.AlterField(
            model_name="publication",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "排队中"),
                    ("running", "进行中"),
                    ("done", "已完成"),
                    ("failed", "失败"),
                ],
                default="queued",
                max_length=10,
                verbose_name="状态",
            ),
        ),
    ]
