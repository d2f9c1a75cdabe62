"""Sentence classes met in offices' own documents (issue 11): read right, or flagged."""

from decimal import Decimal

from kaohe.textrules import read_criteria
from tests.textrules.helpers import is_flagged, only_rule, rules


def test_酌情加扣_after_fixed_amounts_is_a_deduction_the_assessor_chooses():
    read = rules("班子成员年度培训少于40学时扣3分,普通党员少于24学时扣2分,多于1名的酌情加扣;")
    assert read == [
        {"kind": "per_occurrence", "amount": Decimal(-3), "cap": Decimal(3)},
        {"kind": "per_occurrence", "amount": Decimal(-2), "cap": Decimal(2)},
        {"kind": "discretionary", "direction": "deduct"},
    ]
    assert only_rule("情节较重的视情加扣。") == {"kind": "discretionary", "direction": "deduct"}


def test_an_escalation_with_its_own_amount_stays_flagged():
    assert is_flagged("逾期仍未整改的,加扣1分。")
    assert is_flagged("整改后又出现同类问题的,每次再扣0.5分。")


def test_who_brings_the_evidence_for_a_deduction_scores_nothing():
    assert rules("由县委办提供扣分依据。") == []
    assert rules("迟报的每次扣0.5分,由督查室出具扣分证明。") == [
        {"kind": "per_occurrence", "amount": Decimal("-0.5"), "unit": "次"}
    ]


def test_a_deduction_basis_without_who_provides_it_is_still_flagged():
    assert is_flagged("以扣分依据为准,另扣1分。")


def test_what_is_held_each_period_without_a_count_is_held_once_per_period():
    quarterly = only_rule("每季度召开村民议事会,每少开展一次的扣3分。")
    assert quarterly == {
        "kind": "frequency",
        "minimum": Decimal(1),
        "per": "quarter",
        "amount": Decimal(-3),
        "unit": "次",
    }
    assert only_rule("每月组织政策学习,少1次扣0.5分")["per"] == "month"
    assert only_rule("每半年开展一次督查,每少一次扣2分")["minimum"] == Decimal(1)


def test_a_yearly_activity_without_a_count_is_not_taken_as_once_a_year():
    assert is_flagged("全年开展宣传活动,每少一次扣1分。")


def test_a_minimum_per_period_left_unread_beside_an_amount_is_flagged():
    assert is_flagged("每季度至少开展2次志愿服务活动,活动效果差的,每次扣1分;")


def test_a_minimum_without_a_period_stays_part_of_its_one_time_amount():
    assert only_rule("至少召开一次专题会议,有会议记录,否则扣0.5分;") == {
        "kind": "per_occurrence",
        "amount": Decimal("-0.5"),
        "cap": Decimal("0.5"),
    }


def test_one_named_item_undone_costs_its_amount_for_each_item():
    assert only_rule("年度重点任务有一项未完成扣2分。") == {
        "kind": "per_occurrence",
        "amount": Decimal(-2),
        "unit": "项",
    }
    assert only_rule("整改事项有1项未落实的,扣0.5分")["amount"] == Decimal("-0.5")


def test_one_item_undone_with_nothing_named_is_flagged():
    assert is_flagged("有一项未完成扣1分")


def test_grades_written_as_a_range_之间_are_alternatives_not_additions():
    assert only_rule("差错率在3%以内扣1分,3%-6%之间扣2分。") == {
        "kind": "tiered",
        "levels": {"3%以内": Decimal(-1), "3%-6%之间": Decimal(-2)},
        "highest_only": True,
    }


def test_不得分_as_the_worst_grade_after_deductions_zeroes_the_item():
    read = rules("漏报率5%以内扣1分,5%-10%之间扣2分,10%以上不得分。")
    assert read == [
        {
            "kind": "tiered",
            "levels": {"5%以内": Decimal(-1), "5%-10%之间": Decimal(-2)},
            "highest_only": True,
        },
        {"kind": "zero_on_event"},
    ]
    assert rules("未建立台账的不得分,台账不全的扣1分。") == [
        {"kind": "zero_on_event"},
        {"kind": "per_occurrence", "amount": Decimal(-1), "cap": Decimal(1)},
    ]


def test_不得分_beside_an_amount_earned_still_goes_to_a_person():
    assert is_flagged("按时报送得3分,未按时报送不得分。")


def test_a_points_column_glued_before_a_checklist_is_left_out_of_its_text():
    reading = read_criteria("3没有学习计划、学习记录各扣1分。")
    assert reading.rules[0].rule["tasks"] == ["学习计划", "学习记录"]
    assert reading.rules[0].source.startswith("没有")


def test_levels_named_alone_after_按_each_take_their_amount():
    assert only_rule("被省、市、县通报批评的,按省、市和县每次分别扣3分、2分、1分。") == {
        "kind": "per_occurrence",
        "levels": {"省": Decimal(-3), "市": Decimal(-2), "县": Decimal(-1)},
        "unit": "次",
    }


def test_named_things_that_are_not_levels_stay_flagged_with_their_amounts():
    assert is_flagged("按甲类、乙类和丙类分别扣3分、2分、1分。")


def test_a_ranking_that_names_no_position_costs_its_amount_once():
    assert only_rule("年度考核排名靠后的扣4分;") == {
        "kind": "per_occurrence",
        "amount": Decimal(-4),
        "cap": Decimal(4),
    }
    assert is_flagged("全市排名前五的加1分。")


def test_a_list_whose_count_agrees_is_a_checklist_of_its_items():
    assert only_rule("台账、制度和记录三项每缺一项扣0.5分。") == {
        "kind": "checklist",
        "amount": Decimal("-0.5"),
        "tasks": ["台账", "制度", "记录"],
    }
    assert only_rule("宣传栏及公示牌2项缺一项扣1分")["tasks"] == ["宣传栏", "公示牌"]


def test_a_list_whose_count_disagrees_or_is_missing_is_flagged():
    assert is_flagged("台账、制度和记录两项每缺一项扣0.5分。")
    assert is_flagged("设去向牌、座位牌,少一项扣1分。")


def test_a_failing_shared_by_named_things_with_各_is_a_checklist():
    assert only_rule("会议纪要、工作台账未按时归档(超过10天)各扣0.5分;") == {
        "kind": "checklist",
        "amount": Decimal("-0.5"),
        "tasks": ["会议纪要", "工作台账"],
    }
    assert only_rule("方案、总结未报送的各扣1分")["tasks"] == ["方案", "总结"]


def test_conditions_run_together_with_各_or_a_numbered_first_item_are_flagged():
    assert is_flagged("组织不健全、经费未保障或制度不落实的,各扣0.5分。")
    assert is_flagged("Р7、会议纪要、工作台账未按时归档各扣0.5分;")


def test_a_value_the_assessor_sets_outright_is_a_manual_value():
    assert only_rule("根据调研报告的深度和实用性等方面酌情打分。") == {"kind": "manual"}
    assert only_rule("视情评分。") == {"kind": "manual"}


def test_a_value_set_within_a_bound_or_on_a_condition_is_flagged():
    assert is_flagged("未按制度执行的在2分内酌情给分。")
    assert is_flagged("工作不到位的酌情给分。")


def test_a_time_short_is_read_against_the_minimum_of_its_period():
    assert only_rule("每月开展一次隐患排查,每少排查一次扣1分。")["kind"] == "frequency"


def test_a_time_short_with_no_minimum_is_flagged_not_counted_as_an_event():
    assert is_flagged("隐患排查每少排查一次扣1分。")


def test_a_step_written_as_a_share_of_the_target_is_a_shortfall_against_the_whole_task():
    reading = read_criteria("未完成的,每少完成目标值10%扣1分,扣分至基本分值扣完为止。")
    assert [read.rule for read in reading.rules] == [
        {
            "kind": "shortfall",
            "target": Decimal(100),
            "step": Decimal(10),
            "amount": Decimal(-1),
            "partial": "floor",
            "unit": "百分点",
        }
    ]
    assert reading.node == {"floor": 0}
    assert only_rule("每少目标任务的4%扣0.5分")["step"] == Decimal(4)


def test_a_rate_step_with_its_target_in_another_column_is_flagged():
    assert is_flagged("小于目标值的,每少1%扣1分,扣分至基本分值扣完为止。")
    assert is_flagged("完成率每少5%扣1分。")


def test_times_at_least_a_count_per_period_set_the_minimum_of_a_later_time_short():
    assert only_rule("全年班子研究效能工作2次以上。\n少一次扣1分") == {
        "kind": "frequency",
        "minimum": Decimal(2),
        "per": "year",
        "amount": Decimal(-1),
        "unit": "次",
    }


def test_a_yearly_count_not_reached_is_still_a_shortfall_not_a_frequency():
    read = rules("全年报送简报未达到8篇的,每少1篇扣0.5分。")
    assert read[0]["kind"] == "shortfall"


def test_a_headings_points_end_the_heading_before_its_credits():
    read = rules("是否公开办事指南(2.5分)公开办理流程1分,公开申请材料1.5分。")
    assert read == [
        {"kind": "per_occurrence", "amount": Decimal(1), "cap": Decimal(1)},
        {"kind": "per_occurrence", "amount": Decimal("1.5"), "cap": Decimal("1.5")},
    ]


def test_a_list_with_its_count_after_an_earlier_rule_of_the_sentence_is_still_a_checklist():
    read = rules("未开展年度评价扣2分,组织、制度和台账三项每缺一项扣0.5分。")
    assert read[1] == {
        "kind": "checklist",
        "amount": Decimal("-0.5"),
        "tasks": ["组织", "制度", "台账"],
    }


def test_what_earns_nothing_and_the_scoring_method_score_nothing():
    assert rules("获奖单位须为县级以上,其他奖项不予加分。") == []
    reading = read_criteria("注:本表采用总分100分逐项扣分的办法,各项扣完为止。")
    assert reading.rules == ()
    assert reading.node == {"floor": 0}


def test_withholding_a_bonus_on_a_condition_is_flagged_not_dropped():
    assert is_flagged("未按时报送材料的不予加分。")
