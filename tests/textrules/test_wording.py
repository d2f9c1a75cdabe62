"""Words around an amount that change what it means (kaohe.textrules.wording)."""

from decimal import Decimal

from kaohe.textrules import read_criteria
from tests.textrules.helpers import is_flagged, only_rule


def test_an_amount_stepping_down_a_ranking_goes_to_a_person():
    assert is_flagged("考核排名第一的得满分;其余依次递减0.5分。")


def test_an_amount_either_way_goes_to_a_person():
    assert is_flagged("本项目最多加减5分。")
    assert is_flagged("每高(低)于全市平均水平1个百分点加(减)0.5分。")


def test_earning_nothing_written_as_zero_points_zeroes_the_item():
    assert only_rule("发生重大责任事故的,本项得零分。") == {"kind": "zero_on_event"}


def test_no_points_or_a_deduction_at_discretion_is_one_choice_up_to_the_items_points():
    for text in (
        "未建立工作台账或台账不规范的,不得分或酌情扣分。",
        "工作落实不到位的,酌情扣分或者不得分。",
    ):
        reading = read_criteria(text, points=Decimal(5))
        assert [rule.rule for rule in reading.rules] == [
            {"kind": "discretionary", "direction": "deduct", "max": Decimal(5)}
        ], text


def test_a_ranking_stepped_with_its_amounts_is_still_read():
    assert only_rule("排名前三的依次加3至1分。")["kind"] == "rank"


def test_none_earning_nothing_after_an_amount_per_thing_is_no_second_rule():
    reading = read_criteria("每引进1个项目计3分,没有不计分。")
    assert [(rule.rule["kind"], rule.source) for rule in reading.rules] == [
        ("per_occurrence", "每引进1个项目计3分,没有不计分")
    ]


def test_amounts_for_numbers_of_times_reached_grade_the_amount_once_beside_them():
    assert is_flagged("迟到一次扣0.5分,三次(含)以上扣3分。")
    assert only_rule("累计缺课满3次及以上扣0.5分/人。")["unit"] == "人"


def test_a_minimum_whose_number_was_lost_goes_to_a_person():
    assert is_flagged("每年召开专题会议不少于的扣1分。")


def test_a_credit_followed_by_a_value_by_rate_goes_to_a_person_with_the_rate():
    reading = read_criteria("全面完成补植任务得10分,未完成按完成率得分。")
    assert [rule.flagged for rule in reading.rules] == [True]
    assert reading.rules[0].source.endswith("按完成率得分")


def test_a_standing_that_is_the_condition_of_an_amount_is_no_veto():
    reading = read_criteria("每季度考核排名最后一名的扣1分。")
    assert all(rule.rule["kind"] != "veto" for rule in reading.rules)
    assert all(rule.rule.get("unit") != "名" for rule in reading.rules)
    assert only_rule("发生重大安全事故的,排名最后。") == {
        "kind": "veto",
        "consequence": "rank_last",
    }


def test_a_one_time_amount_until_the_item_is_used_up_goes_to_a_person():
    assert is_flagged("受到通报批评的,扣2分,直至扣完该项分值。")
