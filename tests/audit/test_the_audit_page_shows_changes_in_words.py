"""The audit page says who did what, when, on which object, and old → new per field in Chinese
field names, never a raw dump with English keys or None."""

import re
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse

from kaohe.accounts import actions as accounts
from kaohe.accounts.roles import Role
from kaohe.audit.log import log_change
from kaohe.audit.models import Action, AuditEntry
from kaohe.audit.presentation import changes
from kaohe.cycles import actions


def audit_page(login, **filters):
    return login(Role.AUDIT_ADMIN).get(reverse("audit:entries"), filters).content.decode()


def changes_shown(page):
    """Each change line of the page as text, e.g. 次数：1 → 2."""
    lines = re.findall(r'<div class="audit-change">(.*?)</div>', page, flags=re.S)
    return [unescape(re.sub(r"<[^>]+>", "", line)).strip() for line in lines]


def test_a_changed_record_shows_old_and_new_under_chinese_field_names(login, zhangjiagang):
    office = zhangjiagang.general_office
    unit = zhangjiagang.units["督查科"]
    record = actions.add_record(office, unit, indicator="1.1.1", rule="kt2", count=Decimal(1))
    actions.change_record(office, record.pk, 1, count=Decimal(2), note="复核后更正")
    page = audit_page(login, action="修改考核记录")
    assert "修改考核记录" in page and "record_changed" not in page
    assert changes_shown(page) == ["次数：1 → 2", "说明：（空） → 复核后更正"]
    assert "node_path" not in page and "None" not in page


def test_a_new_record_names_its_indicator_in_chinese(login, zhangjiagang):
    office = zhangjiagang.general_office
    unit = zhangjiagang.units["督查科"]
    actions.add_record(office, unit, indicator="1.1.1", rule="kt2", count=Decimal(1))
    shown = changes_shown(audit_page(login, action="新增考核记录"))
    assert any(line.startswith("指标") and "（空） → " in line for line in shown)
    assert not any(line.startswith("级别") for line in shown)  # empty before and after
    assert not any("node_path" in line or "rule_id" in line or "None" in line for line in shown)


def test_a_record_logged_under_its_former_field_names_shows_the_same_chinese_labels(
    login, zhangjiagang
):
    # Entries logged before cycles 0006 keyed a record's fields node_path, rule_id, occurred_on;
    # they are immutable, so the page reads the old keys as it reads the new ones.
    office = zhangjiagang.general_office
    unit = zhangjiagang.units["督查科"]
    record = actions.add_record(office, unit, indicator="1.1.1", rule="kt2", count=Decimal(1))
    now = changes(AuditEntry.objects.get(action=Action.RECORD_ADDED))
    former = {"node_path": "indicator", "rule_id": "rule", "occurred_on": "date"}
    renamed = {old: actions.record_snapshot(record)[new] for old, new in former.items()}
    AuditEntry.objects.create(
        action=Action.RECORD_ADDED,
        object_type="考核记录",
        object_id=str(record.pk),
        new={**renamed, "count": "1", "occurred_on": "2020-05-12"},
    )
    before = changes(AuditEntry.objects.filter(action=Action.RECORD_ADDED).latest("id"))
    labels = [change.field for change in before]
    assert labels == ["指标路径", "规则", "次数", "日期"]
    assert {c.field: c.new for c in now}["指标路径"] == {c.field: c.new for c in before}["指标路径"]
    shown = changes_shown(audit_page(login, action="新增考核记录"))
    assert "日期：（空） → 2020-05-12" in shown
    assert not any(
        "node_path" in line or "rule_id" in line or "occurred_on" in line for line in shown
    )


def test_a_role_change_names_the_roles_in_chinese(login, org):
    accounts.grant_role(org.users[Role.SECURITY_ADMIN], org.users[Role.REPORTER], Role.EVALUATOR)
    shown = changes_shown(audit_page(login, action="授予角色"))
    assert shown[0] == "角色：被考核单位填报人 → 评议人、被考核单位填报人"


def test_nested_values_and_yes_or_no_are_spelled_out(db):
    entry = log_change(
        None,
        Action.PARTICIPATION_CHANGED,
        target_label="党建科",
        old={"类别": ["科室"], "不参加": {"指标": ["1.1.1"], "说明": None}},
        new={"类别": [], "不参加": True},
    )
    assert [(c.field, c.old, c.new) for c in changes(entry)] == [
        ("类别", "科室", "（空）"),
        ("不参加", "指标：1.1.1；说明：（空）", "是"),
    ]


def test_an_entry_logged_before_the_vocabulary_keeps_its_words(login, org):
    log_change(None, Action.LOGGED_IN, org.users[Role.REPORTER])
    AuditEntry.objects.create(action="旧版操作", object_repr="旧对象", new={"说明": "迁移前"})
    page = audit_page(login, action="旧版操作")
    assert "旧版操作" in page and "旧对象" in page
    assert changes_shown(page) == ["说明：（空） → 迁移前"]


def test_a_free_string_is_not_an_action(db):
    with pytest.raises(ValueError):
        log_change(None, "随便写的操作", target_label="对象")  # type: ignore[arg-type]
