from decimal import Decimal

from kaohe.textrules import read_criteria
from tests.textrules.helpers import is_flagged, only_rule, rules


def test_a_range_lets_the_assessor_choose_within_bounds():
    assert only_rule("造成重大损失的，扣5—15分。") == {
        "kind": "discretionary",
        "min": Decimal(5),
        "max": Decimal(15),
        "direction": "deduct",
    }
    assert only_rule("工作有创新的，加1至3分。")["direction"] == "add"


def test_酌情扣分_is_a_discretionary_deduction_without_bounds():
    assert only_rule("根据完成质量酌情扣分。") == {"kind": "discretionary", "direction": "deduct"}


def test_a_score_from_another_assessment_is_converted():
    assert only_rule("按工业竞赛活动考核得分折算;") == {"kind": "conversion"}


def test_completion_without_a_target_is_flagged():
    assert is_flagged("未完成的按完成情况得分。")


def test_evaluation_weights_are_read_from_percentages_formulas_and_ratios():
    assert only_rule("网上评议占80%，现场评议占20%。")["groups"] == {
        "网上评议": Decimal("0.8"),
        "现场评议": Decimal("0.2"),
    }
    formula = only_rule("（公众评议得分= 问卷调查得分×60%+网络测评得分×40%）")
    assert formula["groups"] == {"问卷调查": Decimal("0.6"), "网络测评": Decimal("0.4")}
    ratio = only_rule("局主要领导和分管领导按5:5的比例,折算出本项测评得分")
    assert ratio["groups"] == {"局主要领导": Decimal("0.5"), "分管领导": Decimal("0.5")}


def test_half_year_and_year_end_rounds_join_the_evaluation_groups_of_the_same_text():
    rule = only_rule("市委领导评价占60%，人大政协领导评价占40%。半年评议占1/4，年终评议占3/4。")
    assert rule["rounds"] == {"半年": Decimal("0.25"), "年终": Decimal("0.75")}
    assert rule["groups"] == {"市委领导评价": Decimal("0.6"), "人大政协领导评价": Decimal("0.4")}


def test_rounds_without_groups_are_flagged_since_whose_scores_they_weight_is_unsaid():
    assert is_flagged("半年进行一次初评,分值占年度的1/4;\n\n年终进行年度综合评议,分值占年度的3/4。")


def test_a_section_formula_with_a_deduction_is_not_an_evaluation():
    assert is_flagged("指标自评(抽查)得分×70%+公众评议得分×30%-察访核验扣分。")


def test_colours_map_to_amounts():
    rule = only_rule("项目进度亮红灯的扣2分，亮黄灯的扣1分，亮绿灯的不扣分。")
    assert rule["map"] == {"红灯": Decimal(-2), "黄灯": Decimal(-1), "绿灯": Decimal(0)}


def test_a_rate_times_the_points_earns_the_points_in_proportion_to_the_rate():
    rule = only_rule("得分=按时办结率×8分。", points=Decimal(8))
    assert rule == {"kind": "proportional", "target": Decimal(100), "unit": "%"}


def test_a_multiplication_sign_read_as_a_letter_is_still_a_multiplication():
    rule = only_rule("得分=群众满意率 c 6分。", points=Decimal(6))
    assert rule["kind"] == "proportional"


def test_a_range_after_what_the_choice_depends_on_is_the_assessors_choice():
    for text in ("视问题严重程度扣0.5—2分", "根据情节轻重扣0.5～2分", "视损失大小扣分0.5-2分"):
        rule = only_rule(text)
        assert rule == {
            "kind": "discretionary",
            "min": Decimal("0.5"),
            "max": Decimal(2),
            "direction": "deduct",
        }, text


def test_a_number_inside_a_parts_name_is_not_its_credit():
    read = rules("公开2024年部门预算1分，公开 12345 政务服务热线1.5分。")
    assert read == [
        {"kind": "per_occurrence", "amount": Decimal(1), "cap": Decimal(1)},
        {"kind": "per_occurrence", "amount": Decimal("1.5"), "cap": Decimal("1.5")},
    ]


def test_credits_that_grade_an_item_set_its_value_and_are_flagged_not_added():
    # 「…得4分；…得2分」 on a 4-point item: the item is worth 4 or 2, never 4 + 2.
    reading = read_criteria(
        "材料齐全且按期上报的得4分;上报滞后的得2分;未上报的不得分。", points=Decimal(4)
    )
    assert [rule.flagged for rule in reading.rules] == [True, True, False]
    assert reading.rules[1].guesses == (
        {"kind": "per_occurrence", "amount": Decimal(2), "cap": Decimal(2)},
    )
    # Credits that together pass the item's points are alternatives too.
    three = read_criteria("有预案的得2分;有演练的得2分;有记录的得2分。", points=Decimal(4))
    assert all(rule.flagged for rule in three.rules)


def test_credits_that_add_up_to_the_item_stay_credits():
    reading = read_criteria("有预案的得2分;有演练记录的得2分。", points=Decimal(4))
    assert [rule.rule["amount"] for rule in reading.rules] == [Decimal(2), Decimal(2)]
    assert reading.confident
    # An item whose points are masked or missing (「( * 分)」) gives nothing to measure against.
    assert not read_criteria("按时上报心得体会的得4分;", points=Decimal(0)).rules[0].flagged


def test_credits_beside_full_marks_in_words_are_values_even_without_points():
    reading = read_criteria("资料齐全、上報及時的,得滿分;上報滯後的得2分。")
    assert all(rule.flagged for rule in reading.rules)
