"""The records import is open to the 考核办 and to a 考评单位 for the indicators it keeps
(cycles/access.py: recordable_nodes, may_record) — no one else: a 考评单位 keeping no indicator
in the cycle, a 被考核单位, a leader or an administrator is refused (403, audited) before the
file is handed to the guarded reader, and a 考评单位's row on another unit's indicator is
refused with the rest of the file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry
from kaohe.cycles import access
from kaohe.cycles.models import Record
from kaohe.imports.models import ImportJob
from kaohe.transfer.records import COLUMNS
from tests.hostile_workbooks import million_rows, workbook


def records(*rows):
    return workbook({"考核记录": [COLUMNS, *rows]})


def send(client, cycle, data):
    url = reverse("cycles:records_upload", args=[cycle.pk])
    return client.post(url, {"file": SimpleUploadedFile("记录.xlsx", data)}, follow=True)


@pytest.mark.parametrize(
    "role", [Role.ASSESSOR, Role.REPORTER, Role.DEPUTY_LEADER, Role.SYSTEM_ADMIN]
)
def test_who_keeps_no_indicator_of_the_cycle_cannot_reach_the_import(client, zhangjiagang, role):
    person = zhangjiagang.person("无指标者", zhangjiagang.outsider_unit, role)
    assert access.recordable_nodes(person, zhangjiagang.cycle) == []
    client.force_login(person)

    response = send(client, zhangjiagang.cycle, million_rows(records()))

    assert response.status_code == 403
    assert not ImportJob.objects.exists()
    refused = AuditEntry.objects.filter(action=Action.ACCESS_DENIED).latest("seq")
    assert refused.actor == person


def test_an_assessor_unit_imports_only_on_the_indicators_it_keeps(client, zhangjiagang):
    client.force_login(zhangjiagang.inspector)
    kept_by_another = ["党建科", "1.1", "kt1", 1, None, None, None, None, None, None, "越权"]
    own = ["党建科", "3", "award", 1, None, "市级", "", None, None, None, "表彰"]

    page = send(client, zhangjiagang.cycle, records(own, kept_by_another)).content.decode()

    assert "导入失败，未保存任何记录" in page
    assert not Record.objects.exists()
