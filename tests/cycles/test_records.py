import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kaohe.audit.models import Action, AuditEntry
from kaohe.cycles import actions
from kaohe.cycles.models import Record
from kaohe.cycles.signals import facts_changed


def grid(client, bureau, node=""):
    url = reverse("cycles:records", args=[bureau.cycle.pk])
    return client.get(url, {"node": node} if node else {})


def add(client, bureau, unit_label, node, **fields):
    unit = bureau.units[unit_label]
    url = reverse("cycles:record_add", args=[bureau.cycle.pk, unit.pk])
    return client.post(url, {"node": node, **fields}, follow=True)


def test_an_assessor_sees_only_the_indicators_it_assesses(client, zhangjiagang):
    client.force_login(zhangjiagang.inspector)
    page = grid(client, zhangjiagang).content.decode()
    assert "班子测评" in page and "综合加分" in page
    assert "重点工作落实情况" not in page


def test_an_assessor_records_a_deduction_and_it_is_audited(client, zhangjiagang):
    client.force_login(zhangjiagang.general_office)
    page = add(
        client,
        zhangjiagang,
        "党建科",
        "1.1.1",
        rule="kt1",
        count="2",
        note="二季度两项重点任务滞后",
    ).content.decode()
    assert "已为「党建科」新增记录" in page
    record = Record.objects.get(unit=zhangjiagang.units["党建科"])
    assert (record.rule, record.count, record.recorded_by) == (
        "kt1",
        Decimal("2"),
        zhangjiagang.general_office,
    )
    assert AuditEntry.objects.filter(action=Action.RECORD_ADDED, object_id=str(record.pk)).exists()


def test_an_assessor_cannot_record_on_an_indicator_it_does_not_assess(client, zhangjiagang):
    client.force_login(zhangjiagang.inspector)
    response = add(client, zhangjiagang, "党建科", "1.1.1", rule="kt1", count="1")
    assert response.status_code == 403
    assert not Record.objects.exists()


def test_a_rule_that_is_not_the_indicators_is_refused(client, zhangjiagang):
    client.force_login(zhangjiagang.general_office)
    page = add(client, zhangjiagang, "党建科", "1.1.1", rule="award").content.decode()
    assert "没有规则「award」" in page
    assert not Record.objects.exists()


def test_a_stale_edit_never_overwrites_a_newer_one(client, zhangjiagang):
    office = zhangjiagang.general_office
    record = actions.add_record(
        office, zhangjiagang.units["督查科"], indicator="1.1.1", rule="kt2", count=Decimal(1)
    )
    actions.change_record(office, record.pk, 1, count=Decimal(2))
    client.force_login(office)
    page = client.post(
        reverse("cycles:record_change", args=[zhangjiagang.cycle.pk, record.pk]),
        {"node": "1.1.1", "rule": "kt2", "count": "5", "version": "1"},
        follow=True,
    ).content.decode()
    assert "已被他人修改" in page
    record.refresh_from_db()
    assert record.count == Decimal(2) and record.version == 2


def test_deleting_a_record_is_audited_with_its_old_values(client, zhangjiagang):
    office = zhangjiagang.general_office
    record = actions.add_record(
        office,
        zhangjiagang.units["督查科"],
        indicator="1.1.1",
        rule="kt2",
        count=Decimal(1),
        note="首次",
    )
    client.force_login(office)
    client.post(
        reverse("cycles:record_delete", args=[zhangjiagang.cycle.pk, record.pk]),
        {"node": "1.1.1", "version": "1"},
    )
    assert not Record.objects.filter(pk=record.pk).exists()
    entry = AuditEntry.objects.get(action=Action.RECORD_DELETED)
    assert entry.old["note"] == "首次"


def test_a_record_of_another_cycle_cannot_be_reached_through_this_one(client, zhangjiagang, org):
    client.force_login(zhangjiagang.general_office)
    other = reverse("cycles:record_change", args=[zhangjiagang.cycle.pk + 999, 1])
    assert client.post(other, {"node": "1.1.1", "rule": "kt1"}).status_code == 404


def test_a_saved_record_tells_listeners_after_commit(
    zhangjiagang, django_capture_on_commit_callbacks
):
    heard = []

    def listener(sender, cycle, cycle_unit, **kwargs):
        heard.append(cycle_unit.label)

    facts_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            actions.add_record(
                zhangjiagang.general_office,
                zhangjiagang.units["党建科"],
                indicator="1.1.1",
                rule="kt1",
                count=Decimal(1),
            )
    finally:
        facts_changed.disconnect(listener)
    assert heard == ["党建科"]


def test_a_discretionary_deduction_needs_a_reason(zhangjiagang):
    import datetime

    from kaohe.schemes.models import SchemeVersion

    version = SchemeVersion.objects.get(scheme__slug="renfang-center-2024")
    cycle = actions.open_cycle(
        zhangjiagang.office,
        actions.CyclePlan(
            "人防 2024",
            version,
            "year",
            datetime.date(2024, 1, 1),
            datetime.date(2024, 12, 31),
            [actions.UnitEntry(zhangjiagang.sections["办公室"])],
        ),
    )
    from kaohe.cycles.facts import cycle_scheme

    rule = next(r for r in cycle_scheme(cycle).rules.values() if r.kind == "discretionary")
    with pytest.raises(ValidationError, match="必须写明理由"):
        actions.add_record(
            zhangjiagang.office,
            cycle.cycle_units.get(),
            indicator=rule.node_path,
            rule=rule.id,
            value=Decimal("0.5"),
        )


def test_records_cannot_change_once_the_cycle_is_locked(zhangjiagang):
    zhangjiagang.cycle.status = "locked"
    zhangjiagang.cycle.save(update_fields=["status"])
    with pytest.raises(ValidationError, match="已锁定"):
        actions.add_record(
            zhangjiagang.office,
            zhangjiagang.units["党建科"],
            indicator="1.1.1",
            rule="kt1",
            count=Decimal(1),
        )


def test_an_outsider_cannot_record(zhangjiagang):
    with pytest.raises(PermissionDenied):
        actions.add_record(
            zhangjiagang.outsider,
            zhangjiagang.units["党建科"],
            indicator="1.1.1",
            rule="kt1",
            count=Decimal(1),
        )


def workbook(rows):
    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "被考核单位",
            "指标",
            "规则",
            "次数",
            "数值",
            "级别",
            "事项",
            "日期",
            "期间",
            "分摊",
            "说明",
        ]
    )
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("记录.xlsx", buffer.getvalue())


def upload(client, bureau, rows):
    url = reverse("cycles:records_upload", args=[bureau.cycle.pk])
    return client.post(url, {"file": workbook(rows)}, follow=True).content.decode()


def test_the_template_lists_the_assessors_indicators_and_the_units(client, zhangjiagang):
    client.force_login(zhangjiagang.inspector)
    response = client.get(reverse("cycles:records_template", args=[zhangjiagang.cycle.pk]))
    book = load_workbook(io.BytesIO(response.content))
    assert book["考核记录"]["A1"].value == "被考核单位"
    rules = {row[2] for row in book["指标与规则"].iter_rows(min_row=2, values_only=True)}
    assert {"award", "innovation"} <= rules and "kt1" not in rules
    units = [row[0] for row in book["被考核单位"].iter_rows(min_row=2, values_only=True)]
    assert len(units) == 6


def test_a_good_workbook_adds_every_record(client, zhangjiagang):
    client.force_login(zhangjiagang.inspector)
    page = upload(
        client,
        zhangjiagang,
        [
            ["党建科", "3", "award", 1, None, "市级", "PJ-1", "2020-05-12", None, None, "市级表彰"],
            ["办公室", "3", "article", 2, None, "本级", None, None, None, None, "信息录用两篇"],
        ],
    )
    assert "已导入 2 条考核记录" in page
    assert Record.objects.count() == 2


def test_one_bad_row_imports_nothing_and_names_the_row(client, zhangjiagang):
    client.force_login(zhangjiagang.inspector)
    page = upload(
        client,
        zhangjiagang,
        [
            ["党建科", "3", "award", 1, None, "市级", None, None, None, None, ""],
            ["不存在科", "3", "award", 1, None, "市级", None, None, None, None, ""],
            ["办公室", "1.1.1", "kt1", "abc", None, None, None, None, None, None, ""],
        ],
    )
    assert "未保存任何记录" in page
    assert "第 4 行「次数」列" in page
    assert not Record.objects.exists()


def test_rows_on_indicators_the_assessor_does_not_own_import_nothing(client, zhangjiagang):
    client.force_login(zhangjiagang.inspector)
    page = upload(
        client,
        zhangjiagang,
        [
            ["党建科", "3", "award", 1, None, "市级", None, None, None, None, ""],
            ["党建科", "1.1.1", "kt1", 1, None, None, None, None, None, None, ""],
        ],
    )
    assert "第 3 行：您不负责该指标的考核" in page
    assert not Record.objects.exists()


def test_a_cycle_locked_after_the_page_loaded_still_refuses_the_save(zhangjiagang):
    unit = zhangjiagang.units["党建科"]
    stale = unit.cycle  # loaded while the cycle was open
    type(stale).objects.filter(pk=stale.pk).update(status="locked")
    with pytest.raises(ValidationError, match="已锁定"):
        actions.add_record(
            zhangjiagang.office, unit, indicator="1.1.1", rule="kt1", count=Decimal(1)
        )


def heard_changes(bureau, capture, rows):
    heard = []

    def listener(sender, cycle, cycle_unit, **kwargs):
        heard.append(cycle_unit.label if cycle_unit else "整个周期")

    facts_changed.connect(listener)
    try:
        with capture(execute=True), transaction.atomic():
            for label in rows:
                actions.add_record(
                    bureau.general_office,
                    bureau.units[label],
                    indicator="1.1.1",
                    rule="kt1",
                    count=Decimal(1),
                )
    finally:
        facts_changed.disconnect(listener)
    return heard


def test_many_records_in_one_transaction_are_told_once(
    zhangjiagang, django_capture_on_commit_callbacks
):
    one_unit = heard_changes(
        zhangjiagang, django_capture_on_commit_callbacks, ["党建科", "党建科", "党建科"]
    )
    assert one_unit == ["党建科"]
    two_units = heard_changes(
        zhangjiagang, django_capture_on_commit_callbacks, ["党建科", "督查科"]
    )
    assert two_units == ["整个周期"]
