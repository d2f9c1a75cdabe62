"""Classes of misreading found when the held-out documents d150–d168 were opened (issue 11):
each read right, or flagged. Sentences here are made up for the class; none is copied from the
document corpus.
"""

from decimal import Decimal

from kaohe.textrules import read_criteria
from tests.textrules.helpers import is_flagged, only_rule


def _flags(text: str, **known: object) -> list[bool]:
    return [read.flagged for read in read_criteria(text, **known).rules]  # type: ignore[arg-type]


def test_a_credit_followed_by_deductions_in_its_part_is_the_value_it_keeps_not_a_bonus():
    text = "会议室干净整洁,得5分。发现杂物堆放的,每处扣1分。"
    reading = read_criteria(text)
    assert [read.flagged for read in reading.rules] == [True, False]
    assert reading.rules[0].guesses[0]["amount"] == Decimal(5)
    assert reading.rules[1].rule["amount"] == Decimal(-1)
    # a 不得分 after it, a deduction before it, or one cut short all say the same
    assert _flags("年度任务全部完成的,得4分。未完成不得分。") == [True, False]
    assert _flags("每走访一户加0.5分,未走访的每户扣0.5分。建立走访制度的,得2分。")[-1]
    assert _flags("资料归档及时的,得2分。达不到要求的,发现一次扣1---") == [True, True]


def test_credits_in_numbered_parts_of_their_own_stay_credits():
    text = "1.建立工作台账的,得1分。2.按时报送总结的,得1分。3.迟报的每次扣0.5分。"
    rules = [read.rule for read in read_criteria(text).rules]
    assert rules[0] == {"kind": "per_occurrence", "amount": Decimal(1), "cap": Decimal(1)}
    assert rules[1] == {"kind": "per_occurrence", "amount": Decimal(1), "cap": Decimal(1)}


def test_a_rate_worth_points_at_its_target_loses_them_point_by_point():
    rule = only_rule("案件办结率达到98%的,得6分,下降1个百分点扣0.5分")
    assert rule == {
        "kind": "shortfall",
        "target": Decimal(98),
        "step": Decimal(1),
        "amount": Decimal("-0.5"),
        "partial": "floor",
        "unit": "百分点",
        "cap": Decimal(6),
    }
    assert only_rule("回访率100%的得3分,每下降2个百分点扣1分")["step"] == Decimal(2)


def test_a_text_cut_off_before_its_amount_is_flagged_not_dropped():
    assert is_flagged("被省级刊物采用的,每篇计")
    reading = read_criteria("迟报的每次扣0.5分;造成不良影响的,每")
    assert [read.flagged for read in reading.rules] == [False, True]
    assert reading.rules[1].source == "造成不良影响的,每"


def test_two_amounts_joined_by_或_are_grades_of_one_failing():
    assert only_rule("未建档扣2分或建档不全扣1分") == {
        "kind": "tiered",
        "levels": {"未建档": Decimal(-2), "建档不全": Decimal(-1)},
        "highest_only": True,
    }


def test_缺一次_after_a_minimum_is_a_time_short_of_it():
    rule = only_rule("每季度至少召开1次会议。会议无记录的,缺一次扣0.5分。")
    assert rule == {
        "kind": "frequency",
        "minimum": Decimal(1),
        "per": "quarter",
        "amount": Decimal("-0.5"),
        "unit": "次",
    }
    # near miss: with no minimum written, a missing record is counted as before
    assert only_rule("日常巡查记录缺一次扣2分")["kind"] == "per_occurrence"


def test_each_requirement_not_done_counts_the_requirements_listed_before():
    rule = only_rule("档案专人管理;借阅有登记;定期清点。每一项未落实扣1分。")
    assert rule["kind"] == "checklist"
    assert rule["tasks"] == ["档案专人管理", "借阅有登记", "定期清点"]
    # the requirements in one sentence, or in a sentence the reader could not take as a list
    assert is_flagged("档案专人管理,借阅有登记,定期清点。每一项未落实扣1分。")
    assert _flags("台账完整,档案齐全,视情加分。缺一项扣1分")[-1]


def test_缺一项_opening_an_item_whose_name_lists_its_requirements_is_a_checklist_of_them():
    reading = read_criteria("缺一项扣1分", name="设有值班室,配备值班电话,专人值守")
    assert reading.rules[0].rule == {
        "kind": "checklist",
        "amount": Decimal(-1),
        "tasks": ["设有值班室", "配备值班电话", "专人值守"],
    }
    # near miss: a name that lists nothing leaves the missing items counted
    rule = read_criteria("缺一项扣1分", name="值班管理").rules[0].rule
    assert rule == {"kind": "per_occurrence", "amount": Decimal(-1), "unit": "项"}


def test_a_formula_after_a_flagged_sentence_is_settled_with_it():
    text = "完成年度任务的得满分,未完成的按比例得分。得分=(完成户数/任务户数)×分值"
    reading = read_criteria(text)
    assert len(reading.rules) == 1
    assert reading.rules[0].flagged
    assert reading.rules[0].source.endswith("×分值")
    # alone, a formula or completion with no target is flagged, never dropped
    assert is_flagged("得分=(到位资金/任务资金)×分值")
    assert is_flagged("按完成进度比例得分")


def test_amounts_per_thing_of_a_grade_become_one_rule_with_levels():
    text = "每新建1个5千亩以上基地,加1分;每新建1个2万亩以上基地,加3分"
    assert only_rule(text) == {
        "kind": "per_occurrence",
        "levels": {"5千亩以上": Decimal(1), "2万亩以上": Decimal(3)},
        "unit": "个",
    }


def test_a_credit_followed_in_its_sentence_by_so_much_per_failing_is_the_parts_full_marks():
    assert [read.rule for read in read_criteria("值班记录完整得2分,漏记一次扣0.5分").rules] == [
        {"kind": "per_occurrence", "amount": Decimal("-0.5"), "unit": "次"}
    ]
    # near miss: a one-off deduction beside it leaves the credit for a person
    assert _flags("按时报送的得2分,迟报的扣1分")[0]


def test_one_thing_found_or_done_named_after_its_count_is_counted_per_thing():
    assert only_rule("巡查发现一处卫生死角扣0.1分") == {
        "kind": "per_occurrence",
        "amount": Decimal("-0.1"),
        "unit": "处",
    }
    assert only_rule("帮助企业解决一个实际困难加1分")["amount"] == Decimal(1)


def test_a_word_or_two_of_condition_after_an_amount_per_thing_is_for_a_person():
    assert is_flagged("抽检发现一批次不合格扣0.5分,超标的扣1分")
    # near miss: a failing of its own after the amount per thing costs its amount once
    reading = read_criteria("每次扣0.5分,未整改的扣1分")
    assert [read.rule.get("cap") for read in reading.rules] == [None, Decimal(1)]
    assert reading.confident


def test_each_piece_counted_with_计_or_no_verb_earns_the_amount():
    assert only_rule("被简报转发的,每期计2分") == {
        "kind": "per_occurrence",
        "amount": Decimal(2),
        "unit": "期",
    }
    assert only_rule("每多报1篇计0.5分")["amount"] == Decimal("0.5")
    assert only_rule("被省政府网站采编的每条8分")["unit"] == "条"
    # near miss: amounts by kind of piece are levels a person settles
    assert is_flagged("工作动态每条2分,经验材料每条4分")


def test_levels_listed_in_the_clause_before_each_amount_go_with_the_amounts():
    rule = only_rule("被省、市、县检查组通报的问题,每个分别扣6分、4分、2分")
    assert rule["levels"] == {"省": Decimal(-6), "市": Decimal(-4), "县": Decimal(-2)}
    # near miss: words that only end in a level character list no levels
    assert is_flagged("城市、县城检查发现问题的,每处分别扣1分、0.5分")


def test_grades_rewarded_with_奖_keep_the_documents_own_characters():
    rule = only_rule("引进資金50萬元以上的奖2分,100萬元以上的奖5分")
    assert rule == {
        "kind": "tiered",
        "levels": {"50萬元以上": Decimal(2), "100萬元以上": Decimal(5)},
        "highest_only": True,
    }


def test_marks_noted_with_记_that_amounts_per_time_take_from_are_the_parts_full_marks():
    rule = only_rule("5月底前服务站建设到位的记20分,每推迟1个月到位的扣5分")
    assert rule == {"kind": "lateness", "amount": Decimal(-5), "per": "month"}
    # near miss: alone, 记3分 may be the item's whole value or a credit on top: a person says
    assert is_flagged("建立联席会议制度记3分。")


def test_full_marks_or_nothing_is_read_by_its_nothing_half():
    assert only_rule("全年无安全事故的得满分,发生安全事故的不得分。") == {"kind": "zero_on_event"}
    # near miss: an amount between full marks and nothing is a grade: a person says
    assert is_flagged("全部完成的得满分,完成80%以上的得3分,未完成的不得分")


def test_a_base_rate_written_before_在此基数上_is_the_baseline():
    rule = only_rule(
        "投诉率为5%的,得基准分6分,在此基数上,每下降1个百分点加0.5分,每上升1个百分点扣0.5分"
    )
    assert (rule["kind"], rule["baseline"]) == ("baseline", Decimal(5))
    assert (rule["below"], rule["above"]) == (Decimal("0.5"), Decimal("-0.5"))


def test_a_rank_sequence_written_分别依排序_is_a_sequence():
    rule = only_rule("年度考核前3名的分别依排序另加3至1分")
    assert rule["kind"] == "rank"
    assert rule["sequence"] == [Decimal(3), Decimal(2), Decimal(1)]


def test_a_count_inside_brackets_names_a_standard_not_what_is_counted():
    rule = only_rule("未按要求建立服务站(按三个一标准)的扣2分。")
    assert rule == {"kind": "per_occurrence", "amount": Decimal(-2), "cap": Decimal(2)}
    # near miss: a count outside brackets may make the amount per something
    assert is_flagged("每季度检查2次,扣0.5分")
