"""Issue 16: the grid and the import saved records no rule allows, each with 「已新增」, and the
results then froze. Each is now refused with a message that names the field (and, in an import,
the row and the column); nothing is saved."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from kaohe.cycles import actions
from kaohe.cycles.models import Record
from kaohe.transfer.records import COLUMNS


def add(client, bureau, unit_label, node, **fields):
    unit = bureau.units[unit_label]
    url = reverse("cycles:record_add", args=[bureau.cycle.pk, unit.pk])
    return client.post(url, {"node": node, **fields}, follow=True).content.decode()


@pytest.fixture
def inspector(client, zhangjiagang):
    client.force_login(zhangjiagang.inspector)
    return client


@pytest.fixture
def general_office(client, zhangjiagang):
    client.force_login(zhangjiagang.general_office)
    return client


def test_a_blank_record_is_refused_and_deducts_nothing(general_office, zhangjiagang):
    page = add(general_office, zhangjiagang, "党建科", "1.1.1", rule="kt1")
    assert "已为「党建科」新增记录" not in page
    assert "未保存：这是一条空记录：次数、数值、级别、说明等至少填写一项" in page
    assert not Record.objects.exists()


def test_a_negative_count_is_refused_naming_the_count(general_office, zhangjiagang):
    page = add(general_office, zhangjiagang, "党建科", "1.1.1", rule="kt1", count="-3")
    assert "「次数」不能为负数或零（填写的是 -3）" in page
    assert not Record.objects.exists()


def test_an_absurd_count_is_refused(general_office, zhangjiagang):
    page = add(general_office, zhangjiagang, "党建科", "1.1.1", rule="kt1", count="99999999")
    assert "「次数」99999999 超出合理范围（最多 100000）" in page
    assert not Record.objects.exists()


def test_a_record_dated_outside_the_cycle_is_refused(general_office, zhangjiagang):
    page = add(
        general_office,
        zhangjiagang,
        "党建科",
        "1.1.1",
        rule="kt1",
        count="1",
        date="2019-05-01",
    )
    assert "「日期」2019-05-01 不在考核周期（2020-04-01～2020-06-30）内" in page
    assert not Record.objects.exists()


def test_a_level_the_rule_does_not_have_is_refused(inspector, zhangjiagang):
    page = add(inspector, zhangjiagang, "党建科", "3", rule="award", level="区级")
    assert "「级别」「区级」不在规则「受表彰」的级别（本级、市级、省级）中" in page
    assert not Record.objects.exists()


def test_a_leader_evaluation_of_150_is_refused(inspector, zhangjiagang):
    page = add(
        inspector, zhangjiagang, "党建科", "2", rule="leader-eval", level="主要领导", value="150"
    )
    assert "「数值」应在 0～100 之间" in page and "填写的是 150" in page
    assert not Record.objects.exists()


def test_a_leader_evaluation_within_its_scale_is_kept(inspector, zhangjiagang):
    page = add(
        inspector, zhangjiagang, "党建科", "2", rule="leader-eval", level="主要领导", value="92"
    )
    assert "已为「党建科」新增记录" in page
    assert Record.objects.get().value == Decimal(92)


def test_a_change_is_checked_like_a_new_record(zhangjiagang):
    office = zhangjiagang.general_office
    record = actions.add_record(
        office, zhangjiagang.units["党建科"], indicator="1.1.1", rule="kt1", count=Decimal(1)
    )
    with pytest.raises(ValidationError, match="「次数」不能为负数"):
        actions.change_record(office, record.pk, 1, count=Decimal(-3))
    record.refresh_from_db()
    assert record.count == Decimal(1) and record.version == 1


def workbook(rows):
    book = Workbook()
    book.active.append(list(COLUMNS))
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("记录.xlsx", buffer.getvalue())


def upload(client, bureau, rows):
    url = reverse("cycles:records_upload", args=[bureau.cycle.pk])
    return client.post(url, {"file": workbook(rows)}, follow=True).content.decode()


def test_an_import_names_the_row_and_the_column_of_every_bad_record(inspector, zhangjiagang):
    blank = [None] * 8
    page = upload(
        inspector,
        zhangjiagang,
        [
            ["党建科", "3", "award", 1, None, "市级", None, None, None, None, "市级表彰"],
            ["党建科", "3", "award", -3, None, "市级", None, None, None, None, ""],
            ["办公室", "3", "award", 99999999, None, "市级", None, None, None, None, ""],
            ["督查科", "3", "award", 1, None, "国家级", None, None, None, None, ""],
            ["督查科", "3", "award", 1, None, "市级", None, "2019-03-01", None, None, ""],
            ["党建科", "2", "leader-eval", None, 150, "主要领导", None, None, None, None, ""],
            ["办公室", "3", "award", *blank],
        ],
    )
    assert "导入失败，未保存任何记录" in page
    assert "第 3 行「次数」列：不能为负数或零（填写的是 -3）" in page
    assert "第 4 行「次数」列：99999999 超出合理范围（最多 100000）" in page
    assert "第 5 行「级别」列：「国家级」不在规则「受表彰」的级别（本级、市级、省级）中" in page
    assert "第 6 行「日期」列：2019-03-01 不在考核周期（2020-04-01～2020-06-30）内" in page
    assert "第 7 行「数值」列：应在 0～100 之间" in page
    assert "第 8 行：这是一条空记录" in page
    assert not Record.objects.exists()
