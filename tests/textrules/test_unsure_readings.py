"""Sentences a careful reader would not stake a score on are flagged, never read confidently."""

from decimal import Decimal

from kaohe.textrules import read_criteria
from tests.textrules.helpers import is_flagged, only_rule, rules


def test_an_amount_per_item_and_per_day_at_once_is_flagged():
    assert is_flagged("检查台账不及时登记的，每本每天扣0.5分。")


def test_each_person_each_time_is_still_an_amount_per_occurrence():
    rule = only_rule("上班时间脱岗的，每人每次扣1分。")
    assert (rule["kind"], rule["amount"]) == ("per_occurrence", Decimal(-1))


def test_a_deduction_given_back_减扣_is_flagged_not_read_as_a_deduction():
    assert is_flagged("问题按期整改销号的，每件减扣0.3分。")


def test_a_sentence_broken_off_at_a_number_is_flagged():
    reading = rules("排名较上年前移3位以上的加1分,前移6")
    assert reading and all(rule.get("flagged") for rule in reading)


def test_a_fragment_that_begins_with_the_counting_word_of_a_broken_line_is_flagged():
    assert is_flagged("次检查的扣0.5分。")


def test_an_amount_per_piece_broken_across_a_page_is_read_as_one_rate():
    rule = only_rule("迟交统计报表的，每份(次)\n\n3、扣0.4分。")
    assert (rule["kind"], rule["amount"], rule.get("cap")) == (
        "per_occurrence",
        Decimal("-0.4"),
        None,
    )


def test_each_piece_adopted_earns_its_bonus_without_每():
    rule = only_rule("稿件被市委办信息专刊采用的加3分。")
    assert rule == {"kind": "per_occurrence", "amount": Decimal(3)}


def test_an_award_without_每_still_earns_its_bonus_once():
    rule = only_rule("被评为省级先进集体的，加2分。")
    assert rule == {"kind": "per_occurrence", "amount": Decimal(2), "cap": Decimal(2)}


def test_a_discretionary_deduction_right_after_a_flagged_breakdown_is_settled_with_it():
    reading = rules("由业务科室按各科分工(综合科2分、业务科3分)考核。根据完成情况,酌情扣分。")
    assert len(reading) == 1 and reading[0]["flagged"]


def test_other_items_酌情扣分_stands_as_its_own_rule_after_a_flag():
    reading = rules("由业务科室按各科分工(综合科2分、业务科3分)考核。其他事项酌情扣分。")
    assert [rule["kind"] for rule in reading] == ["discretionary", "discretionary"]
    assert not reading[1].get("flagged")


def test_an_amount_written_without_分_is_flagged_not_dropped():
    assert is_flagged("楼道堆放杂物的每处扣1;")


def test_a_masked_amount_is_flagged_not_dropped():
    assert is_flagged("按时完成年度任务的得 * 分。")


def test_a_grade_set_outright_is_flagged_not_dropped():
    assert is_flagged("发生较大以上生产安全事故的,该单位年度考核评定为不合格。")
    assert is_flagged("领导班子软弱涣散的直接定为“后进”。")


def test_a_failing_check_in_the_condition_is_not_a_grade():
    rule = only_rule("抽查台账不合格的，每本扣0.5分。")
    assert (rule["kind"], rule["amount"]) == ("per_occurrence", Decimal("-0.5"))


def test_得基本分_is_flagged_for_a_person_to_say_what_the_base_is():
    assert is_flagged("按期完成得基本分;")


def test_pinyin_printed_after_each_character_does_not_hide_a_scoring_word():
    assert is_flagged("完成任務(wù)計(jì)分,不完成任務(wù)扣分。")


def test_a_cap_written_最多得_is_not_a_second_credit():
    rule = only_rule("专题研究信访工作的,每次得1分,最多得6分。", points=Decimal(10))
    assert (rule["kind"], rule["amount"], rule["cap"]) == (
        "per_occurrence",
        Decimal(1),
        Decimal(6),
    )


def test_amounts_rising_with_the_harm_done_are_flagged_not_added():
    assert is_flagged("投诉未及时回复的扣1分,上级转办的扣2分,造成较大影响的扣3分。")


def test_a_decimal_point_lost_in_pdf_text_is_read_back():
    rule = only_rule("未建立台账扣0 5分")
    assert rule["amount"] == Decimal("-0.5")


def test_clauses_read_with_confidence_before_a_doubted_clause_stand():
    reading = read_criteria("投诉查实的每件扣1分,限期整改到位的每件减扣0.5分。")
    assert [rule.flagged for rule in reading.rules] == [False, True]
    assert reading.rules[0].rule == {"kind": "per_occurrence", "amount": Decimal(-1), "unit": "件"}
    assert reading.rules[1].source == "限期整改到位的每件减扣0.5分"
    # The flag keeps the condition of the doubted clause with it.
    comma = read_criteria("查实的,每件扣1分,限期整改到位的,每件减扣0.5分")
    assert comma.rules[1].source == "限期整改到位的,每件减扣0.5分"


def test_a_doubted_clause_that_settles_an_earlier_credit_or_grade_takes_the_sentence():
    # 得2分 … 不得分 is one value on a condition; 情节严重 grades the amount before it.
    assert is_flagged("材料按期报齐得2分,逾期未报齐不得分。")
    assert is_flagged("发现问题每次扣0.5分,情节严重的扣2分。")
    # A limit after the doubted clause may bound an earlier rate too; not a one-off below it.
    assert is_flagged("查实的每件扣1分,整改到位的每件减扣0.5分,最多扣4分。")
    bounded = read_criteria("达标的加1分,每超额1个百分点再加0.2分,最多加2分")
    assert [rule.flagged for rule in bounded.rules] == [False, True]
    # A doubted clause first leaves nothing before it to stand.
    assert is_flagged("整改销号的每件减扣0.2分,未销号的每件扣0.5分。")


def test_an_amount_halved_for_some_cases_is_flagged_with_it():
    # 「联合表彰减半计算」 changes the amount before it: never dropped, never left out.
    assert is_flagged("获县级表彰加1分,与其他单位联合表彰的减半计算。")
    assert is_flagged("每次扣0.5分,同类问题反复出现的按双倍扣。")
    assert is_flagged("每件扣0.2分,被省级通报的按三倍计。")


def test_one_award_graded_by_the_level_that_gave_it_is_flagged_not_read_as_sums():
    # Three once-only bonuses with the total cap on the last alone would add 3 + 2 + 1 and
    # cap only 市级: the levels of one award and their cap are for a person to set.
    assert is_flagged("国家级加3分、省级加2分、市级加1分，最多加5分。")
    assert is_flagged("受到国家级表彰加5分，省级加3分。")


def test_different_failings_that_mention_a_level_still_stand_as_two_rules():
    reading = rules("未建立台账的扣2分，市级检查发现问题的扣1分。")
    assert [rule["amount"] for rule in reading] == [Decimal(-2), Decimal(-1)]
