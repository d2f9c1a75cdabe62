"""The side-by-side diff of two scheme documents, read in Chinese: no database needed."""

import copy

from kaohe.schemes.editing.diff import scheme_changes
from tests.schemes.small_scheme import SMALL


def changes(old, new):
    return [
        (change.what, change.where, change.before, change.after)
        for change in scheme_changes(old, new)
    ]


def changed_small():
    return copy.deepcopy(SMALL)


def test_the_same_document_has_no_changes():
    assert scheme_changes(SMALL, copy.deepcopy(SMALL)) == []


def test_an_added_and_a_removed_indicator():
    new = changed_small()
    new["sections"][0]["children"].append({"name": "安全生产", "points": 5, "kind": "scored"})
    del new["sections"][1]
    found = changes(SMALL, new)
    assert ("新增指标", "日常考核 › 安全生产", "", "安全生产，5 分，计分项") in found
    assert found[-1] == ("删除指标", "加分", "加分，5 分，加分项，1 条规则", "")


def test_a_renamed_item_keeps_its_rules_and_says_its_old_name():
    new = changed_small()
    new["sections"][0]["children"][0]["name"] = "考勤纪律"
    assert changes(SMALL, new) == [("指标改名", "日常考核 › 考勤纪律", "工作纪律", "考勤纪律")]


def test_a_renamed_group_is_one_change_not_a_move_of_its_children():
    new = changed_small()
    new["sections"][0]["name"] = "日常工作"
    new["formula"] = "日常工作 + 加分"
    found = changes(SMALL, new)
    assert ("指标改名", "日常工作", "日常考核", "日常工作") in found
    assert ("方案总分公式", "方案设置", "日常考核 + 加分", "日常工作 + 加分") in found
    assert len(found) == 2


def test_an_item_moved_up_is_one_change():
    new = changed_small()
    children = new["sections"][0]["children"]
    children[0], children[1] = children[1], children[0]
    assert changes(SMALL, new) == [
        (
            "调整次序",
            "日常考核 › 信息报送",
            "第 1.2 项（在「日常考核」下）",
            "第 1.1 项（在「日常考核」下）",
        )
    ]


def test_an_item_moved_to_another_group():
    new = changed_small()
    moved = new["sections"][0]["children"].pop(1)
    new["sections"][1] = {"name": "加分", "points": 15, "children": [new["sections"][1], moved]}
    new["sections"][1]["children"][0]["name"] = "获奖"
    found = changes(SMALL, new)
    assert (
        "移动指标",
        "加分 › 信息报送",
        "第 1.2 项（在「日常考核」下）",
        "第 2.2 项（在「加分」下）",
    ) in found


def test_points_and_a_rule_change_read_as_plain_sentences():
    new = changed_small()
    item = new["sections"][0]["children"][0]
    item["points"] = 8
    item["rules"][0]["amount"] = -1
    item["rules"][1]["label"] = "旷工"
    found = changes(SMALL, new)
    assert ("修改分值", "日常考核 › 工作纪律", "10", "8") in found
    assert (
        "修改规则",
        "日常考核 › 工作纪律 › 规则「迟到早退」",
        "「迟到早退」每发生1次扣0.5分",
        "「迟到早退」每发生1次扣1分",
    ) in found
    assert found[-1][:2] == ("修改规则", "日常考核 › 工作纪律 › 规则「旷工」")
    assert found[-1][3].startswith("「旷工」每发生1次扣2分")


def test_numbers_compare_by_value():
    new = changed_small()
    new["sections"][0]["points"] = 20.0
    assert scheme_changes(SMALL, new) == []


def test_a_rule_added_and_one_removed_and_the_grades():
    new = changed_small()
    rules = new["sections"][0]["children"][1]["rules"]
    rules.append({"id": "late2", "kind": "lateness", "amount": -0.5, "per": "month"})
    del new["sections"][0]["children"][0]["rules"][1]
    new["grades"] = [{"name": "优秀", "min": 90}, {"name": "合格"}]
    found = changes(SMALL, new)
    assert found[0] == ("方案等次", "方案设置", "（无）", "优秀（≥90）、合格")
    assert ("删除规则", "日常考核 › 工作纪律 › 规则「absent」") in [row[:2] for row in found]
    assert ("新增规则", "日常考核 › 信息报送 › 规则「late2」") in [row[:2] for row in found]
