"""Scoring text the outline put where no rule is read from it still ends as a rule or a flag
(importers/scoring_text.py, issue 11 item 4)."""

from decimal import Decimal

from kaohe.transfer.importers import import_document
from tests.transfer.documents import leaf, workbook


def test_a_groups_own_scoring_criteria_go_to_an_item_at_the_head_of_the_group():
    text = (
        "一、安全管理（20分）\n"
        "未签订安全责任书的，扣3分。\n"
        "1.隐患排查（10分）：每发现一处隐患未整改，扣1分。\n"
        "2.应急演练（10分）：全年不少于两次，每少一次扣2分。\n"
    )

    imported = import_document("细则.txt", text.encode())

    group = imported.scheme["sections"][0]
    head = group["children"][0]
    assert head["name"] == "安全管理（本级评分标准）"
    assert [rule["amount"] for rule in head["rules"]] == [Decimal(-3)]
    assert "criteria" not in group
    assert imported.report.pending  # a person places the item before the scheme passes


def test_a_group_whose_text_only_describes_gets_no_extra_item():
    text = (
        "一、安全管理（20分）\n"
        "落实安全生产责任制。\n"
        "1.隐患排查（10分）：每发现一处隐患未整改，扣1分。\n"
        "2.应急演练（10分）：全年不少于两次，每少一次扣2分。\n"
    )

    group = import_document("细则.txt", text.encode()).scheme["sections"][0]

    assert [child["name"] for child in group["children"]] == ["隐患排查", "应急演练"]


def test_an_item_whose_name_is_its_scoring_sentence_is_read_from_the_name():
    header = ("一级指标", "二级指标", "分值", "评分标准")
    rows = [
        header,
        ("制度建设", "未建立值班制度的，扣2分", "2", None),
        ("制度建设", "档案管理", "3", "档案不全的，每缺一项扣0.5分。"),
    ]

    imported = import_document("细则.xlsx", workbook(rows))

    item = leaf(imported.scheme, "制度建设", "未建立值班制度的，扣2分")
    assert [rule["amount"] for rule in item["rules"]] == [Decimal(-2)]
    assert not any("没有评分规则" in line for line in imported.report.pending)


def test_a_heading_over_criteria_of_its_own_is_not_read_a_second_time():
    header = ("一级指标", "二级指标", "分值", "评分标准")
    rows = [
        header,
        ("否决事项", "一票否决", "0", "发生重大安全责任事故的，实行一票否决，取消年度评优资格。"),
        ("制度建设", "档案管理", "3", "档案不全的，每缺一项扣0.5分。"),
    ]

    imported = import_document("细则.xlsx", workbook(rows))

    item = leaf(imported.scheme, "否决事项", "一票否决")
    assert [rule["kind"] for rule in item["rules"]] == ["veto"]
