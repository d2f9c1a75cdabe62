"""What the importer concludes from the whole table that no single cell says (importers/settle.py).

Each test imports a real xlsx written with openpyxl, as an office would upload it.
"""

from decimal import Decimal

from kaohe.engine import load_scheme
from kaohe.transfer.importers import import_document
from tests.transfer.documents import leaf, workbook

HEADER = ("一级指标", "二级指标", "分值", "评分标准")


def imported(*rows):
    return import_document("细则.xlsx", workbook([HEADER, *rows]))


def three_levels(*rows):
    header = ("一级指标", "二级指标", "三级指标", "分值", "评分标准")
    return import_document("细则.xlsx", workbook([header, *rows]))


def test_a_groups_points_are_shared_out_to_children_written_without_points():
    result = three_levels(
        (
            "基础管理",
            "机构编制（5分）",
            "编制执行情况",
            None,
            "1.擅自设立机构的，扣0.6分；2.超编进人的，扣0.6分；3.整改不力的，扣0.5分。",
        ),
        ("基础管理", "机构编制（5分）", "资产管理", None, "检查发现问题的，每个问题扣0.1分。"),
    )

    scheme = result.scheme
    assert leaf(scheme, "基础管理", "机构编制", "编制执行情况")["points"] == Decimal("1.7")
    assert leaf(scheme, "基础管理", "机构编制", "资产管理")["points"] == Decimal("3.3")
    assert result.report.points_add_up
    assert any("取其各条扣分之和" in note for note in result.report.notes)
    assert any("余数" in note for note in result.report.notes)


def test_points_that_cannot_be_worked_out_are_left_for_a_person():
    result = three_levels(
        ("基础管理", "机构编制（5分）", "甲", None, "检查发现问题的，每个问题扣0.1分。"),
        ("基础管理", "机构编制（5分）", "乙", None, "检查发现问题的，每个问题扣0.2分。"),
    )

    assert leaf(result.scheme, "基础管理", "机构编制", "甲")["points"] == 0
    assert not result.report.points_add_up


def test_credits_that_add_up_to_a_scored_items_points_become_a_checklist_of_deductions():
    result = imported(
        (
            "帮扶工作",
            None,
            1,
            "组织健全，有计划，有总结的，得0.4分；\n落实帮扶项目的，得0.3分；\n开展送温暖活动2次以上的，得0.3分。",
        ),
    )

    rules = result.scheme["sections"][0]["rules"]
    assert [(r["kind"], r["amount"], r["tasks"]) for r in rules] == [
        ("checklist", Decimal("-0.4"), ["组织健全，有计划，有总结"]),
        ("checklist", Decimal("-0.3"), ["落实帮扶项目", "开展送温暖活动2次以上"]),
    ]
    load_scheme(result.scheme)  # a valid scheme: the item starts full and loses undone tasks


def test_credits_that_do_not_add_up_to_the_points_are_flagged_not_left_to_do_nothing():
    result = imported(("宣传工作", None, 2, "完成征订任务的，得1分；\n无负面报道的，得0.5分。"))

    rules = result.scheme["sections"][0]["rules"]
    assert all(rule.get("flagged") for rule in rules)
    assert any("与本项 2 分不符" in item for item in result.report.rules_flagged)


def test_an_evaluation_item_without_a_rule_gets_a_flagged_evaluation_by_its_evaluator():
    result = imported(("综合测评", "举办单位评价", 5, "主要包括对领导班子、工作成效的满意情况"))

    node = leaf(result.scheme, "综合测评", "举办单位评价")
    [rule] = node["rules"]
    assert (node["kind"], rule["kind"], rule["groups"], rule["flagged"]) == (
        "value",
        "evaluation",
        {"举办单位": 1},
        True,
    )


def test_an_item_whose_criteria_give_no_rule_is_flagged_never_silently_full_marks():
    result = imported(
        ("写实考核", "考核指标完成情况", 5, "主要包括完成考核指标、按时上传考核材料情况")
    )

    [rule] = leaf(result.scheme, "写实考核", "考核指标完成情况")["rules"]
    assert (rule["kind"], rule["direction"], rule["max"], rule["flagged"]) == (
        "discretionary",
        "deduct",
        5,
        True,
    )


def test_an_evaluation_item_without_points_is_scored_on_a_hundred():
    result = imported(
        ("领导评价", None, None, "其中，市委领导评价得分占60%，市政府领导评价得分占40%")
    )

    node = result.scheme["sections"][0]
    assert node["points"] == 100
    assert node["rules"][0]["kind"] == "evaluation"


def test_a_checklist_that_cannot_take_the_items_points_away_is_flagged():
    result = imported(
        ("综合演练", None, 7, "开展实地勘踏，编写方案。组织预演和正式演练。每未完成1项，扣1分。")
    )

    [rule] = result.scheme["sections"][0]["rules"]
    assert rule["kind"] == "checklist" and rule["flagged"]
    assert any("请核对任务" in item for item in result.report.rules_flagged)


def test_an_entry_bonus_beside_placing_bonuses_is_flagged_as_they_may_or_may_not_add_up():
    result = imported(
        (
            "考核奖惩",
            None,
            0,
            "对代表我市参赛单位，加 0.1 分；"
            "对获得全省前 3 名的单位，分别加 0.5 分、0.3 分、0.2 分。",
        )
    )

    rules = result.scheme["sections"][0]["rules"]
    assert rules and all(rule.get("flagged") for rule in rules)
    assert any("是否叠加" in item for item in result.report.rules_flagged)


def test_taking_a_unit_out_of_the_running_is_no_entry_bonus_beside_levels_of_an_award():
    result = imported(
        (
            "加分项目",
            None,
            0,
            "承办全县现场会的加2分；被评为市级以上先进单位得加3分；省级以上得加5分。"
            "发生重大责任事故的，取消参评先进集体资格。",
        )
    )

    rules = result.scheme["sections"][0]["rules"]
    assert [rule["kind"] for rule in rules][:2] == ["per_occurrence", "tiered"]
    assert not any(rule.get("flagged") for rule in rules[:2])
    assert not any("是否叠加" in item for item in result.report.rules_flagged)


def test_a_value_set_when_met_beside_adjustments_left_for_a_person_is_flagged_not_a_credit():
    criteria = "达到上年新增额的,得15分;较上年每增(减)1亿元加(减)1分,最多加(减)5分。"
    result = imported(("信贷投放", "当年贷款新增额", 20, criteria))

    rules = leaf(result.scheme, "信贷投放", "当年贷款新增额")["rules"]
    assert rules and all(rule.get("flagged") for rule in rules)
    assert any("得15分;较上年每增(减)1亿元" in item for item in result.report.rules_flagged)


def test_a_credit_that_adjustments_start_from_goes_to_a_person_whole_across_a_full_stop():
    # The 15 is where the ±1 per 1亿元 starts (15 ± 5 fills the item's 20): no confident +15.
    criteria = "达到上年新增额的,得15分。较上年每增(减)1亿元加(减)1分,最多加(减)5分。"
    result = imported(("信贷投放", "当年贷款新增额", 20, criteria))

    [rule] = leaf(result.scheme, "信贷投放", "当年贷款新增额")["rules"]
    assert rule["flagged"] and "得15分。较上年每增(减)1亿元" in rule["text"]
