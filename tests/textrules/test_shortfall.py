from decimal import Decimal

from tests.textrules.helpers import is_flagged, only_rule, rules


def test_a_quantity_target_with_a_step_is_a_shortfall():
    rule = only_rule("年内全市验收人防工程14万平方米，每减少1万平方米，扣1分。")
    assert rule["kind"] == "shortfall"
    assert (rule["target"], rule["step"], rule["amount"]) == (Decimal(14), Decimal(1), Decimal(-1))
    assert rule["unit"] == "万平方米"


def test_a_rate_target_counts_percentage_points():
    rule = only_rule("办件按时办结率达到98%，每下降1个百分点扣0.5分。")
    assert (rule["target"], rule["unit"]) == (Decimal(98), "百分点")


def test_a_rate_without_its_target_is_flagged():
    assert is_flagged("及时率每下降1个百分点扣0.1分。")


def test_a_minimum_per_period_is_a_frequency_rule():
    rule = only_rule("每月报送工作动态不少于8篇，每少1篇扣0.2分。")
    assert rule == {
        "kind": "frequency",
        "minimum": Decimal(8),
        "per": "month",
        "amount": Decimal("-0.2"),
        "unit": "篇",
    }


def test_a_minimum_written_in_chinese_numerals_reads_the_same():
    assert only_rule("全年不少于两次，每少一次扣0.5分。")["minimum"] == Decimal(2)
    assert only_rule("开展形式不少于三种，每少一种扣0.5分。")["target"] == Decimal(3)


def test_falling_short_of_a_count_at_all_costs_the_amount_once():
    rule = only_rule("在国家省市媒体发稿，不少于20篇，不达标扣0.5分。")
    assert (rule["step"], rule["partial"]) == (Decimal(20), "ceil")


def test_a_baseline_rewards_falling_and_penalises_rising():
    rule = only_rule("以8%为基数，每下降1个百分点加1分，每上升1个百分点扣1分。")
    assert (rule["below"], rule["above"]) == (Decimal(1), Decimal(-1))


def test_a_baseline_taken_from_last_year_needs_a_person_to_enter_it():
    assert is_flagged("以上年度发案数为基数，每下降1个百分点加0.5分，每上升1个百分点扣0.5分。")


def test_exceeding_a_quota_earns_per_step_up_to_its_cap():
    rule = only_rule("年度目标任务为200户，超过目标任务的，每超10户加0.5分，最多加2分。")
    assert rule["kind"] == "exceed"
    assert (rule["target"], rule["cap"]) == (Decimal(200), Decimal(2))


def test_months_late_are_lateness():
    assert only_rule("考核材料每迟报1个月扣0.5分。")["kind"] == "lateness"


def test_one_short_without_每_costs_the_amount_for_each_one_short():
    rule = only_rule("走访困难群众少1户扣0.5分")
    assert rule == {"kind": "per_occurrence", "amount": Decimal("-0.5"), "unit": "户"}
    rule = only_rule("未按规定制定整改措施的，少1条扣1分，最高扣3分")
    assert rule == {
        "kind": "per_occurrence",
        "amount": Decimal(-1),
        "unit": "条",
        "cap": Decimal(3),
    }


def test_one_time_short_without_a_minimum_written_goes_to_a_person():
    assert is_flagged("开展督导少一次扣0.5分")
    rule = only_rule("每半年至少召开1次分析会，少一次扣1分")
    assert rule["kind"] == "frequency" and rule["per"] == "half"


def test_the_verb_of_the_required_meeting_may_stand_between_少_and_the_count():
    rule = only_rule("每季度召开一次安委会会议，每少开展一次活动的扣2分。")
    assert rule == {
        "kind": "frequency",
        "minimum": Decimal(1),
        "per": "quarter",
        "amount": Decimal(-2),
        "unit": "次",
    }


def test_each_time_not_held_under_a_minimum_per_period_is_a_time_short():
    assert only_rule("每月至少召开1次安全例会,未召开的每次扣0.5分。") == {
        "kind": "frequency",
        "minimum": Decimal(1),
        "per": "month",
        "amount": Decimal("-0.5"),
        "unit": "次",
    }
    assert only_rule("每半年至少开展2次专项督查,未开展的,每次扣1分")["minimum"] == Decimal(2)


def test_each_time_of_something_else_under_a_minimum_stays_flagged():
    # What costs is not the meeting the minimum requires.
    assert is_flagged("每月至少召开1次安全例会,未上报纪要的每次扣0.5分。")


def test_not_held_or_held_poorly_is_a_time_short_and_a_failing_each_time():
    assert rules("每季度至少举办1次宣讲,未举办或者效果较差的,每次扣1分。") == [
        {
            "kind": "frequency",
            "minimum": Decimal(1),
            "per": "quarter",
            "amount": Decimal(-1),
            "unit": "次",
        },
        {"kind": "per_occurrence", "amount": Decimal(-1), "unit": "次"},
    ]


def test_每项少一次_after_several_minimums_costs_a_time_short_of_each():
    reading = rules("每月至少召开1次党小组会;全年开展专题培训不少于3次,每项少一次扣0.2分。")
    assert reading == [
        {
            "kind": "frequency",
            "minimum": Decimal(1),
            "per": "month",
            "amount": Decimal("-0.2"),
            "unit": "次",
        },
        {
            "kind": "frequency",
            "minimum": Decimal(3),
            "per": "year",
            "amount": Decimal("-0.2"),
            "unit": "次",
        },
    ]


def test_每项少一次_after_a_single_minimum_is_flagged():
    assert is_flagged("党小组会每月不少于1次,每项少一次扣0.2分。")


def test_months_late_with_what_is_late_written_after_them_are_lateness():
    assert only_rule("每推迟1个月办结的扣3分") == {
        "kind": "lateness",
        "amount": Decimal(-3),
        "per": "month",
    }


def test_a_month_is_never_counted_as_a_thing_found():
    # 「1个月内未整改」 is a time limit, not one 个 of something: never an amount per 个.
    assert only_rule("1个月内未完成整改的扣1分") == {
        "kind": "per_occurrence",
        "amount": Decimal(-1),
        "cap": Decimal(1),
    }
    assert is_flagged("每拖延1个月验收的扣4分")
