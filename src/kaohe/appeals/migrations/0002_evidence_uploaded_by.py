"""Appeal evidence records who uploaded it, like every evidence model; the files already
attached were uploaded by the person who filed their appeal."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def uploaded_by_the_filer(apps, schema_editor):
    Appeal = apps.get_model("appeals", "Appeal")
    AppealEvidence = apps.get_model("appeals", "AppealEvidence")
    filer = Appeal.objects.filter(pk=OuterRef("appeal_id")).values("filed_by_id")[:1]
    AppealEvidence.objects.update(uploaded_by_id=Subquery(filer))


class Migration(migrations.Migration):
    dependencies = [
        ("appeals", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="appealevidence",
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
        migrations.RunPython(uploaded_by_the_filer, migrations.RunPython.noop),
    ]
