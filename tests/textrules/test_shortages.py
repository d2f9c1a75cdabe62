"""Counts of what is lacking whose list or minimum was not found go to a person
(kaohe.textrules.shortages)."""

from decimal import Decimal

from kaohe.textrules import read_criteria
from tests.textrules.helpers import is_flagged, only_rule


def test_items_short_of_a_list_written_before_them_go_to_a_person():
    assert is_flagged("值班表和交接记录齐全,缺一项扣1分。")
    assert is_flagged("台账、档案整理规范。每项不达标扣1分。")


def test_items_short_of_a_list_in_the_items_name_go_to_a_person():
    reading = read_criteria("缺一项扣2分", name="有年度计划和总结")
    assert [rule.flagged for rule in reading.rules] == [True]


def test_a_list_left_open_by_deng_counts_each_thing_short():
    assert only_rule("宣传栏、公示栏、意见箱等设施,缺一项扣0.5分。") == {
        "kind": "per_occurrence",
        "amount": Decimal("-0.5"),
        "unit": "项",
    }


def test_times_short_of_a_minimum_found_in_the_text_are_a_frequency():
    assert only_rule("支部学习每年不少于6次,缺一次扣0.5分。")["kind"] == "frequency"


def test_times_short_of_a_minimum_written_elsewhere_go_to_a_person():
    reading = read_criteria("缺一次扣0.5分", name="每学期党课教育不少于一次")
    assert [rule.flagged for rule in reading.rules] == [True]
    assert only_rule("组织开展专题学习,缺少一次扣1分。")["kind"] == "per_occurrence"


def test_a_quantity_short_of_a_standard_is_no_one_time_amount():
    assert is_flagged("办公用房人均少1平方米扣0.5分。")


def test_a_minimum_for_each_of_several_things_is_not_one_shortfall():
    assert is_flagged("在市级以上媒体发稿各不少于2篇,每少1篇扣0.5分。")


def test_a_rate_by_a_share_is_no_count_per_time():
    assert is_flagged("合格率每低于目标值2%,扣1分。")


def test_one_item_of_a_list_written_before_it_goes_to_a_person():
    assert is_flagged("资料齐全规范,台账、档案和记录有一项扣0.5分。")


def test_kinds_short_of_a_list_go_to_a_person_like_items():
    assert is_flagged("公示牌、登记簿少1种扣1分。")
