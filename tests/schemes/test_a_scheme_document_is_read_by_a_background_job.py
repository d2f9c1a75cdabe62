"""Issue 14 item 8: reading a 考核细则 document grows with it (7 s near the reader's cap), so the
upload answers at once with the import job's page; the job reads the document and saves the
draft, and the page then opens the draft's editor. A refused document says why on that page and
in the audit log."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry
from kaohe.imports.jobs import run_import
from kaohe.imports.models import ImportJob
from kaohe.schemes.models import Scheme, SchemeVersion

SEEDS = Path(__file__).resolve().parents[1] / "data" / "import" / "seeds"


@pytest.fixture
def queued(settings):
    """KAOHE_TASKS=worker as far as a request can tell: jobs are queued and not run."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def seed_upload():
    return SimpleUploadedFile(
        "张家港科室考核细则.txt", (SEEDS / "004_9200afdbdf37f4f4.txt").read_bytes()
    )


def test_the_upload_returns_before_the_document_is_read(login, queued):
    client = login(Role.OFFICE)

    page = client.post(reverse("schemes:import"), {"file": seed_upload()}, follow=True)

    job = ImportJob.objects.get()
    assert page.redirect_chain[-1][0] == reverse("imports:job", args=[job.pk])
    text = page.content.decode()
    assert "导入考核细则" in text and "排队中" in text and "本页每秒自动刷新" in text
    assert "已读取 0 行" not in text  # a document has no rows to count
    assert not Scheme.objects.exists()


def test_the_job_saves_the_draft_and_its_page_opens_the_editor(login, queued):
    client = login(Role.OFFICE)
    client.post(reverse("schemes:import"), {"file": seed_upload()})
    job = ImportJob.objects.get()

    run_import.call(job.pk)  # as the task worker runs it

    version = SchemeVersion.objects.get(scheme__source=Scheme.Source.IMPORTED)
    editor = reverse("schemes:editor", args=[version.scheme.slug, version.number])
    polled = client.get(reverse("imports:job", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert polled["HX-Redirect"] == editor
    page = client.get(reverse("imports:job", args=[job.pk]), follow=True)
    assert page.redirect_chain[-1][0] == editor
    text = page.content.decode()
    assert "已导入为草稿" in text and "导入报告" in text and "每人次扣0.5分" in text


def test_pasted_text_is_read_by_the_job_too(login, queued):
    client = login(Role.OFFICE)
    pasted = "一、组织领导（20分）\n1.责任落实（10分）：未按时报送工作计划的，每次扣1分。\n"

    client.post(reverse("schemes:import"), {"text": pasted})
    job = ImportJob.objects.get()
    run_import.call(job.pk)

    assert job.original_name == "粘贴的细则.txt"
    assert "每次扣1分" in SchemeVersion.objects.get().document


def test_a_refused_document_says_why_on_the_page_and_in_the_audit_log(login, org):
    client = login(Role.OFFICE)
    upload = SimpleUploadedFile("细则.xlsx", b"plain text pretending")

    page = client.post(reverse("schemes:import"), {"file": upload}, follow=True)

    assert "无法导入" in page.content.decode()
    assert not Scheme.objects.exists()
    failed = AuditEntry.objects.get(action=Action.IMPORT_FAILED)
    assert failed.actor == org.users[Role.OFFICE] and "细则.xlsx" in failed.object_repr


def test_nobody_else_opens_the_job(login, org, queued):
    client = login(Role.OFFICE)
    client.post(reverse("schemes:import"), {"file": seed_upload()})
    job = ImportJob.objects.get()

    other = login(Role.ASSESSOR)
    assert other.get(reverse("imports:job", args=[job.pk])).status_code == 404
