"""A record's evidence: the assessed unit downloads the bytes under the Chinese name, a section
assessing other items is refused (403), a file gone from disk or database is not found (404)."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kaohe.cycles import actions
from kaohe.cycles.evidence import attach_evidence
from tests.evidence import assert_gone, assert_refused, assert_served

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def evidence(zhangjiagang):
    record = actions.add_record(
        zhangjiagang.inspector,
        zhangjiagang.units["党建科"],
        indicator="3",
        rule="award",
        count=Decimal(1),
        level="市级",
    )
    upload = SimpleUploadedFile("市级表彰文件.pdf", PDF)
    return attach_evidence(zhangjiagang.inspector, record, upload)


def url(evidence):
    return reverse("cycles:record_evidence", args=[evidence.pk])


def test_the_assessed_units_reporter_downloads_the_bytes_under_the_chinese_name(
    zhangjiagang, evidence, client
):
    client.force_login(zhangjiagang.reporter)
    assert_served(client.get(url(evidence)), "市级表彰文件.pdf", PDF)


def test_a_section_assessing_other_items_is_refused(zhangjiagang, evidence, client):
    client.force_login(zhangjiagang.general_office)
    assert_refused(client.get(url(evidence)))


def test_a_file_gone_from_disk_or_database_is_not_found(zhangjiagang, evidence, client):
    client.force_login(zhangjiagang.reporter)
    assert_gone(client, evidence, url(evidence))
