from decimal import Decimal

from tests.textrules.helpers import is_flagged, only_rule, rules


def test_every_counting_word_becomes_the_unit_of_a_per_occurrence_deduction():
    for unit in ("条", "件", "篇", "次", "人次", "项", "例", "宗", "户", "批次", "台次", "起"):
        rule = only_rule(f"未按要求办理的，每{unit}扣0.5分。")
        assert rule == {"kind": "per_occurrence", "amount": Decimal("-0.5"), "unit": unit}


def test_a_bonus_per_occurrence_is_positive():
    assert only_rule("信息被采用的，每一篇加1分")["amount"] == Decimal(1)


def test_found_once_and_slash_units_are_per_occurrence():
    assert only_rule("发现一次扣2分")["unit"] == "次"
    assert only_rule("扣30分/次")["amount"] == Decimal(-30)


def test_a_cap_written_after_the_amount_caps_the_rule():
    rule = only_rule("1个案件扣0.5分，最多扣2分")
    assert rule == {
        "kind": "per_occurrence",
        "amount": Decimal("-0.5"),
        "unit": "个",
        "cap": Decimal(2),
    }


def test_a_condition_without_每_costs_its_amount_once():
    rule = only_rule("未制定年度工作计划的，扣1分。")
    assert rule == {"kind": "per_occurrence", "amount": Decimal(-1), "cap": Decimal(1)}


def test_a_sentence_with_two_deductions_gives_two_rules_in_order():
    read = rules("迟到早退的每人次扣0.2分，旷工的每人次扣1分。")
    assert [rule["amount"] for rule in read] == [Decimal("-0.2"), Decimal(-1)]


def test_amounts_that_differ_only_by_level_become_one_rule_with_levels():
    rule = only_rule(
        "受到本级表彰的，每一起加1分；受到市级表彰的，每一起加2分；受到省级表彰的，每一起加3分"
    )
    assert rule["levels"] == {"本级": Decimal(1), "市级": Decimal(2), "省级": Decimal(3)}


def test_a_severity_variant_goes_to_a_person_rather_than_guessing_which_amount_applies():
    assert is_flagged("每个问题扣0.1分，情节严重的扣0.5分。")


def test_an_extra_deduction_on_top_of_another_is_flagged():
    assert is_flagged("经媒体曝光的，加扣2分/次。")


def test_amounts_by_level_count_only_the_highest_when_the_text_says_so():
    rule = only_rule(
        "获得市级表彰的加2分，获得省级表彰的加3分，同一事项获多级表彰的，仅就最高级别加分。"
    )
    assert rule == {
        "kind": "tiered",
        "levels": {"市级": Decimal(2), "省级": Decimal(3)},
        "highest_only": True,
    }


def test_highest_level_only_without_levels_to_apply_to_is_flagged():
    assert is_flagged("获得表彰的加2分，仅就最高级别加分。")


def test_扣满_a_limit_makes_a_repeated_deduction_capped_at_it():
    rule = only_rule("发现1起违规收费行为的，扣1分，扣满5分为止。", points=Decimal(10))
    assert rule == {
        "kind": "per_occurrence",
        "amount": Decimal(-1),
        "unit": "起",
        "cap": Decimal(5),
    }
    rule = only_rule("档案不全的，每卷扣0.2分，扣满2分为止")
    assert rule == {
        "kind": "per_occurrence",
        "amount": Decimal("-0.2"),
        "unit": "卷",
        "cap": Decimal(2),
    }


def test_a_piece_adopted_counts_its_amount_each_time():
    rule = only_rule("信息被市委办采用1条，计3分；")
    assert rule == {"kind": "per_occurrence", "amount": Decimal(3), "unit": "条"}
    rule = only_rule("每采用1篇计2分，最多计10分")
    assert rule == {
        "kind": "per_occurrence",
        "amount": Decimal(2),
        "unit": "篇",
        "cap": Decimal(10),
    }


def test_an_introduction_before_a_colon_leaves_the_amounts_after_it_to_be_read():
    read = rules("发生越级上访的，按以下两种情况扣分：个人访每人扣2分；集体访每批次扣5分。")
    assert [rule["amount"] for rule in read] == [Decimal(-2), Decimal(-5)]
    assert [rule["unit"] for rule in read] == ["人", "批次"]


def test_an_exception_in_brackets_that_takes_nothing_leaves_the_amount_as_read():
    rule = only_rule("未按期办结的，每件扣1分（如因客观原因申请延期的，不扣分）")
    assert rule == {"kind": "per_occurrence", "amount": Decimal(-1), "unit": "件"}


def test_a_count_then_a_count_and_more_are_grades_not_a_rate_plus_a_one_off():
    # 「1天…0.5分，3天以上…2分」: three days late costs 2, not 3 × 0.5 + 2.
    assert is_flagged("统计报表迟报1天扣0.5分,迟报3天以上扣2分。")
    assert is_flagged("漏登1人扣1分,漏登5人以上扣3分")
    # A plain failing then a graded one (两周以上) may be the same failing, worse.
    assert is_flagged("未按期报送的扣1分,逾期两周以上的扣3分")
    # Places in a ranking graded the same way are alternatives read as one tiered rule.
    assert only_rule("综合位次比上年下降3位以上的扣1分,下降6位以上的扣2分")["kind"] == "tiered"


def test_a_rate_written_after_按_is_an_amount_per_occurrence():
    assert only_rule("档案缺失的,按每份0.5分扣分") == {
        "kind": "per_occurrence",
        "amount": Decimal("-0.5"),
        "unit": "份",
    }
    late = only_rule("逾期办结的按0.2分/天计扣,最多扣2分")
    assert (late["amount"], late["unit"], late["cap"]) == (Decimal("-0.2"), "天", Decimal(2))
    assert only_rule("稿件被录用的按每篇1分加分")["amount"] == Decimal(1)


def test_a_rate_after_按_taken_on_top_of_another_amount_stays_flagged():
    assert is_flagged("视损失大小扣2-6分,如有人员受伤,按5分/人追加扣分")


def test_a_limit_after_two_rates_may_bound_both_and_is_flagged():
    assert is_flagged("迟报1条扣0.1分,错报1条扣0.3分,最多扣2分。")
    # Each rate with its own limit is read as written.
    read = rules("迟报1条扣0.1分,最多扣1分;错报1条扣0.3分,最多扣2分。")
    assert [rule["cap"] for rule in read] == [Decimal(1), Decimal(2)]
