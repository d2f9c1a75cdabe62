"""A reading accounts for what its sentence scores by (kaohe.textrules.accounting)."""

from decimal import Decimal

from kaohe.textrules import read_criteria
from tests.textrules.helpers import is_flagged, only_rule, rules


def test_a_count_of_one_thing_in_the_amounts_clause_makes_the_amount_per_thing():
    assert only_rule("辖区内发生1起较大以上道路交通事故扣2分。") == {
        "kind": "per_occurrence",
        "amount": Decimal(-2),
        "unit": "起",
    }
    assert only_rule("每出现一次群众因同一诉求重复到县上访情况扣3分;")["unit"] == "次"
    assert only_rule("台账登记错一笔扣0.2分。")["unit"] == "笔"


def test_a_thing_to_be_done_once_is_no_count_and_costs_or_earns_once():
    assert only_rule("年内召开一次专题推进会议的加1分。") == {
        "kind": "per_occurrence",
        "amount": Decimal(1),
        "cap": Decimal(1),
    }


def test_a_rate_the_one_time_amount_cannot_read_goes_to_a_person():
    assert is_flagged("每超出控制标准10%加1分。")
    assert is_flagged("计划、台账、总结有一项不全的,扣0.5分。")


def test_two_grades_of_one_event_in_a_sentence_go_to_a_person_as_one_flag():
    reading = read_criteria("被督查通报表扬的,牵头单位每次加2分,配合单位加1分。")
    assert [rule.flagged for rule in reading.rules] == [True]
    assert [guess["amount"] for guess in reading.rules[0].guesses] == [Decimal(2), Decimal(1)]
    assert is_flagged("获评先进个人的,二等奖加2分,一等奖加4分,特等奖加6分。")
    assert is_flagged("发生1起安全事故扣4分,若能及时妥善处置,扣2分。")


def test_different_failings_and_equal_parts_in_a_sentence_stay_two_rules():
    assert [rule["amount"] for rule in rules("未设立举报电话的扣1分,未公开办事流程的扣2分。")] == [
        Decimal(-1),
        Decimal(-2),
    ]
    assert len(rules("公开机构职能1分,公开办事指南1分。")) == 2
    assert len(rules("被约谈一次扣1分,被问责一次扣3分。")) == 2


def test_a_limit_in_a_sentence_of_its_own_caps_the_one_rate_before_it():
    assert only_rule("被评为示范村的,加0.5分/个。累计不超过2分。") == {
        "kind": "per_occurrence",
        "amount": Decimal("0.5"),
        "unit": "个",
        "cap": Decimal(2),
    }


def test_a_limit_after_several_rates_goes_to_a_person_with_them():
    text = "承办全市现场会的,每次加1分;承办全省现场会的,每次加2分。最多不超过4分。"
    reading = read_criteria(text)
    assert [rule.flagged for rule in reading.rules] == [True]
    assert [guess["amount"] for guess in reading.rules[0].guesses] == [Decimal(1), Decimal(2)]


def test_a_limit_after_times_short_of_a_minimum_stays_with_the_frequency():
    rule = only_rule("每半年至少开展1次应急演练;每少一次扣0.5分,累计扣分不超过1分。")
    assert (rule["kind"], rule["cap"]) == ("frequency", Decimal(1))


def test_a_zero_naming_the_item_above_goes_to_a_person_when_the_item_is_under_another():
    text = "瞒报一起安全事故的,此大项不得分。"
    assert [rule.rule for rule in read_criteria(text).rules] == [{"kind": "zero_on_event"}]
    nested = read_criteria(text, nested=True)
    assert [rule.flagged for rule in nested.rules] == [True]


def test_a_grade_names_its_level_without_its_inclusive_note_and_a_bare_number_is_doubted():
    rule = only_rule("群众满意率在70%到85%(含85%)扣2分,70%(含70%)以下扣5分。")
    assert rule["levels"] == {"70%到85%": Decimal(-2), "70%以下": Decimal(-5)}
    assert is_flagged("资料完整率85%扣1分,70%扣3分。")


def test_words_that_change_an_amount_and_that_its_reading_did_not_use_send_it_to_a_person():
    assert is_flagged("火灾起数超过控制指标的,每增加1起扣2分。")
    assert is_flagged("出生缺陷率和新生儿死亡率分别高于5‰、3‰的扣5分。")
    assert is_flagged("平均分少一分扣0.5分")
    assert only_rule("每增加1名志愿者加0.1分。")["unit"] == "名"
    assert only_rule("办件超过承诺时限的,每超过1天扣0.1分。")["amount"] == Decimal("-0.1")


def test_an_amount_without_a_verb_beside_deductions_is_not_taken_for_a_credit():
    reading = read_criteria("督查发现问题每个0.5分,逾期未整改的扣2分。")
    assert all(rule.flagged for rule in reading.rules)


def test_credits_ending_at_a_written_zero_are_a_scale_of_values():
    text = "1、台账齐全规范,得6分;2、台账基本齐全,得3分;3、无台账,得0分。"
    reading = read_criteria(text)
    assert [rule.flagged for rule in reading.rules] == [True, True, False]
    assert reading.rules[2].rule == {"kind": "zero_on_event"}


def test_a_threshold_left_without_an_amount_before_another_sends_that_amount_to_a_person():
    reading = read_criteria("建档率达不到95%扣2分,随访率达不到80%,管理率达不到80%扣3分。")
    assert [rule.flagged for rule in reading.rules] == [False, True]


def test_a_quantity_required_and_not_met_is_not_counted_per_thing():
    assert is_flagged("未配备1名专职安全员的扣2分。")
    assert only_rule("无故缺席1次扣1分。")["unit"] == "次"


def test_a_one_time_amount_repeating_the_words_of_an_amount_per_thing_goes_with_it():
    reading = read_criteria("资料未上传系统的,1份扣1分,当天未上传的扣0.5分。")
    assert [rule.flagged for rule in reading.rules] == [True]
    assert len(rules("迟到、早退一次扣1分,不参加会议扣2分。")) == 2
