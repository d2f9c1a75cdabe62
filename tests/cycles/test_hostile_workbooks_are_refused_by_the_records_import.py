"""A hostile workbook sent to the records import is refused in Chinese, nothing is saved, and
the refusal takes no more memory than a few times a small valid import."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kaohe.cycles.models import Record
from kaohe.transfer.records import COLUMNS
from tests.hostile_workbooks import HOSTILE, PLACEHOLDER, peak_bytes, workbook

MB = 1024 * 1024


def records(note: str) -> bytes:
    row = ["党建科", "3", "award", 1, None, "市级", "", None, None, None, note]
    return workbook({"考核记录": [COLUMNS, row]})


def upload(client, zhangjiagang, data):
    url = reverse("cycles:records_upload", args=[zhangjiagang.cycle.pk])
    file = SimpleUploadedFile("记录.xlsx", data)
    return peak_bytes(lambda: client.post(url, {"file": file}, follow=True).content.decode())


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_workbook_is_refused_in_chinese_without_eating_memory(client, zhangjiagang, kind):
    build, refusal = HOSTILE[kind]
    client.force_login(zhangjiagang.inspector)
    page, small_peak = upload(client, zhangjiagang, records("获市级表彰"))
    assert "已导入 1 条考核记录" in page

    page, peak = upload(client, zhangjiagang, build(records(PLACEHOLDER)))

    assert "导入失败，未保存任何记录" in page and refusal in page
    assert Record.objects.count() == 1
    assert peak < 3 * small_peak + 40 * MB, (peak // MB, small_peak // MB)
