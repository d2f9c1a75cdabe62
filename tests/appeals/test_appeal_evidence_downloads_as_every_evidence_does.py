"""An appeal's evidence: the appealing unit downloads the bytes under the Chinese name, another
unit's reporter is refused (403), a file gone from disk or database is not found (404)."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kaohe.appeals import actions
from tests.appeals.helpers import PDF
from tests.evidence import assert_gone, assert_refused, assert_served, migrate


@pytest.fixture
def evidence(published: Any) -> Any:
    appeal = actions.file_appeal(
        published.reporter,
        published.units["党建科"],
        "有请假条",
        record_id=published.lateness.pk,
        files=[SimpleUploadedFile("六月请假条.pdf", PDF)],
    )
    return appeal.evidence.get()


def url(evidence: Any) -> str:
    return reverse("appeals:evidence", args=[evidence.pk])


def test_the_appealing_unit_downloads_the_bytes_under_the_chinese_name(
    published: Any, evidence: Any, client: Any
) -> None:
    client.force_login(published.reporter)
    assert_served(client.get(url(evidence)), "六月请假条.pdf", PDF)


def test_another_units_reporter_is_refused(published: Any, evidence: Any, client: Any) -> None:
    client.force_login(published.other_reporter)
    assert_refused(client.get(url(evidence)))


def test_a_file_gone_from_disk_or_database_is_not_found(
    published: Any, evidence: Any, client: Any
) -> None:
    client.force_login(published.reporter)
    assert_gone(client, evidence, url(evidence))


def test_the_evidence_names_who_uploaded_it(published: Any, evidence: Any) -> None:
    assert evidence.uploaded_by == published.reporter


@pytest.mark.django_db(transaction=True)
def test_files_attached_before_uploaders_were_kept_name_the_appeals_filer(
    published: Any, evidence: Any
) -> None:
    migrate(("appeals", "0001_initial"))

    new = migrate(("appeals", "0002_evidence_uploaded_by"))

    kept = new.get_model("appeals", "AppealEvidence").objects.get()
    assert kept.original_name == "六月请假条.pdf"
    assert kept.uploaded_by_id == published.reporter.pk
