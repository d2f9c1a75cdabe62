"""A report's evidence: its unit downloads the bytes under the Chinese name, another unit's
reporter is refused (403), and a file gone from disk or from the database is not found (404)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kaohe.accounts.roles import Role
from kaohe.progress import actions
from kaohe.uploads import CONTENT_TYPES
from tests.evidence import assert_gone, assert_refused, assert_served, migrate
from tests.progress.conftest import PDF


@pytest.fixture
def evidence(cycle, at, report):
    at(datetime.date(2025, 2, 5))
    draft = report("市财政局", "1.1", "2025-01", files=0, submit=False)
    upload = SimpleUploadedFile("一月进展说明.pdf", PDF)
    return actions.add_evidence(cycle.users[Role.REPORTER], draft.pk, upload)


def url(evidence):
    return f"/progress/evidence/{evidence.pk}/"


def test_the_units_reporter_downloads_the_bytes_under_the_chinese_name(evidence, login):
    assert_served(login(Role.REPORTER).get(url(evidence)), "一月进展说明.pdf", PDF)


def test_another_units_reporter_is_refused(cycle, evidence, client):
    client.force_login(cycle.other_reporter)
    assert_refused(client.get(url(evidence)))


def test_a_file_gone_from_disk_or_database_is_not_found(evidence, login):
    assert_gone(login(Role.REPORTER), evidence, url(evidence))


@pytest.mark.django_db(transaction=True)
def test_files_attached_before_the_shared_columns_keep_their_type(evidence):
    old = migrate(("progress", "0001_initial"))
    old.get_model("progress", "Evidence").objects.update(kind="docx")

    new = migrate(("progress", "0004_evidence_shared_columns"))

    kept = new.get_model("progress", "Evidence").objects.get()
    assert kept.original_name == "一月进展说明.pdf" and kept.sha256 == evidence.sha256
    assert kept.content_type == CONTENT_TYPES["docx"]
