"""The hostile workbooks (tests/hostile_workbooks.py) sent to the upload forms the records and
user import tests do not cover: the scheme import refuses each in Chinese, and the evidence
forms, which store a file without parsing it, refuse or store it — each within a memory bound
measured against a small file's, never with a server error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.cycles import actions
from kaohe.cycles.models import RecordEvidence
from kaohe.schemes.models import Scheme
from tests.hostile_workbooks import HOSTILE, PLACEHOLDER, peak_bytes, workbook

MB = 1024 * 1024
# The scheme import loads the whole workbook (merged areas, formulas), so the declared range is
# not capped there: only the cells the file defines load, and the table beside the far cell is
# imported like any other (transfer/workbooks.py:open_layout).
HARMLESS_TO_THE_SCHEME_IMPORT = {"huge_dimension"}


def scheme_workbook(criteria: str) -> bytes:
    return workbook({"细则": [["考核项目", "分值", "评分标准"], ["信息报送", 5, criteria]]})


def post(client, url, name, data):
    file = SimpleUploadedFile(name, data)
    return peak_bytes(lambda: client.post(url, {"file": file}, follow=True))


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_the_scheme_import_refuses_a_hostile_workbook_without_eating_memory(login, kind):
    build, refusal = HOSTILE[kind]
    client = login(Role.OFFICE)
    url = reverse("schemes:import")
    response, small_peak = post(client, url, "细则.xlsx", scheme_workbook("每次扣1分"))
    assert "已导入为草稿" in response.content.decode()

    response, peak = post(client, url, "细则.xlsx", build(scheme_workbook(PLACEHOLDER)))

    page = response.content.decode()
    assert response.status_code == 200
    imported = Scheme.objects.filter(source=Scheme.Source.IMPORTED).count()
    if kind in HARMLESS_TO_THE_SCHEME_IMPORT:
        assert "已导入为草稿" in page and imported == 2
    else:
        assert "无法导入" in page and refusal in page and imported == 1
    assert peak < 3 * small_peak + 40 * MB, (peak // MB, small_peak // MB)


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_evidence_upload_stores_or_refuses_a_hostile_workbook_without_eating_memory(
    client, zhangjiagang, kind
):
    build, _ = HOSTILE[kind]
    record = actions.add_record(
        zhangjiagang.inspector,
        zhangjiagang.units["党建科"],
        indicator="3",
        rule="award",
        count=1,
        level="市级",
    )
    client.force_login(zhangjiagang.inspector)
    url = reverse("cycles:record_evidence_upload", args=[zhangjiagang.cycle.pk, record.pk])
    response, small_peak = post(client, url, "表彰.xlsx", workbook({"表": [["表彰", 1]]}))
    assert "已上传「表彰.xlsx」" in response.content.decode()
    hostile = build(workbook({"表": [["表彰", PLACEHOLDER]]}))

    response, peak = post(client, url, "../../表彰.xlsx", hostile)

    page = response.content.decode()
    assert response.status_code == 200
    stored = RecordEvidence.objects.filter(record=record).order_by("pk").last()
    if "已上传「表彰.xlsx」" in page and stored.size == len(hostile):
        assert stored.stored_name.startswith("records/") and ".." not in stored.stored_name
        served = client.get(reverse("cycles:record_evidence", args=[stored.pk]))
        assert served["Content-Disposition"].startswith("attachment")
        assert served["Content-Type"] == "application/octet-stream"
    else:
        assert "不符" in page or "不是有效的" in page or "超过" in page
    assert peak < 3 * small_peak + 40 * MB + 2 * len(hostile), (peak // MB, small_peak // MB)
