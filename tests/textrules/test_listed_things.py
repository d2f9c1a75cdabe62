"""Things listed before 「每缺一项」 as what must be there are a checklist (listed.py)."""

from decimal import Decimal

from tests.textrules.helpers import is_flagged, only_rule


def test_things_written_as_missing_are_the_tasks():
    rule = only_rule("无值班表、应急预案、值班记录的,每缺一项扣0.5分。")
    assert rule == {
        "kind": "checklist",
        "amount": Decimal("-0.5"),
        "tasks": ["值班表", "应急预案", "值班记录"],
    }
    assert only_rule("没有活动记录、活动总结的,每缺1项扣1分。")["tasks"] == ["活动记录", "活动总结"]


def test_things_each_written_as_there_keep_their_有():
    rule = only_rule("有工作专班、有工作方案、有工作台账;缺一项扣1分。")
    assert rule["tasks"] == ["有工作专班", "有工作方案", "有工作台账"]


def test_a_list_of_failings_or_led_by_a_verb_stays_with_a_person():
    assert is_flagged("台账不规范、资料未归档的,每缺一项扣1分。")
    assert is_flagged("制作宣传栏、公示牌,每缺一项扣1分。")


def test_a_list_left_open_with_等_counts_the_missing_items():
    rule = only_rule("无台账、方案等资料的,每缺一项扣1分。")
    assert rule == {"kind": "per_occurrence", "amount": Decimal(-1), "unit": "项"}


def test_conditions_each_with_its_own_failing_are_the_tasks_of_各扣():
    rule = only_rule("台账不完整、记录不规范、档案未归档的各扣0.5分。")
    assert rule["kind"] == "checklist"
    assert rule["tasks"] == ["台账不完整", "记录不规范", "档案未归档"]


def test_one_failing_shared_by_the_items_of_各扣_stays_with_a_person():
    assert is_flagged("未按时做好人员登记、信息更新工作的各扣1分。")


def test_an_amount_per_missing_one_after_things_listed_stays_with_a_person():
    assert is_flagged("设人员去向牌、座位牌,每少1个扣1分。")
    rule = only_rule("县(市、区)未下发实施方案的,每缺1个扣1分。")
    assert rule == {"kind": "per_occurrence", "amount": Decimal(-1), "unit": "个"}
