"""Classes of misreading found on real documents (issue 11): each read right, or flagged.

Sentences here are made up for the class; none is copied from the document corpus.
"""

from decimal import Decimal

from kaohe.textrules import read_criteria
from tests.textrules.helpers import is_flagged, only_rule, rules


def test_measure_words_for_things_count_occurrences():
    for unit in ("辆", "亩", "张", "台", "套", "座", "株"):
        rule = only_rule(f"检查发现违规停放的，每{unit}扣0.5分。")
        assert rule == {"kind": "per_occurrence", "amount": Decimal("-0.5"), "unit": unit}
    assert only_rule("每撂荒一亩扣2分")["unit"] == "亩"
    assert "cap" not in only_rule("每撂荒一畝扣2分")  # traditional script


def test_a_cap_written_with_减_caps_the_rule_before_it():
    rule = only_rule("工作人员受到处分的，每人次减1.5分，最高减3分。")
    assert rule == {
        "kind": "per_occurrence",
        "amount": Decimal("-1.5"),
        "unit": "人次",
        "cap": Decimal(3),
    }
    assert only_rule("每件减0.5分,最多减2分")["cap"] == Decimal(2)


def test_amounts_by_where_people_went_become_one_rule_with_levels():
    rule = only_rule("发生越级上访的，进京扣6分/批次，到省扣4分/批次，到市扣2分/批次。")
    assert rule["levels"] == {"进京": Decimal(-6), "到省": Decimal(-4), "到市": Decimal(-2)}
    rule = only_rule("到市上访扣2分/批次，到县上访扣1分/批次")
    assert rule["levels"] == {"到市": Decimal(-2), "到县": Decimal(-1)}


def test_a_bare_index_below_a_threshold_is_all_or_nothing():
    for text, target in (("群众满意度低于90扣2分。", 90), ("测评指数低于75的扣2分", 75)):
        rule = only_rule(text)
        assert rule["kind"] == "shortfall"
        assert (rule["target"], rule["step"], rule["amount"]) == (target, target, Decimal(-2))
        assert rule["partial"] == "ceil"


def test_a_threshold_that_zeroes_the_item_goes_to_a_person():
    assert is_flagged("全年上报案例少于5件的，计0分。")
    assert is_flagged("宣传稿件不足10篇的，该项不得分")
    # near miss: an event, not a threshold, zeroes the item with confidence
    assert only_rule("发生重大责任事故的，该项不得分。") == {"kind": "zero_on_event"}


def test_each_item_not_done_after_one_sentence_of_requirements_goes_to_a_person():
    assert is_flagged("每月召开一次例会，会议做到有记录、有签到、有纪要。未落实的每项扣0.5分。")
    assert is_flagged("建立值班制度，配齐人员、经费和设备。没有做到的，每项扣1分")
    # near miss: the requirements listed one to a sentence are the tasks of a checklist
    rule = only_rule("制定年度计划。开展专题培训。报送年度总结。未落实的每项扣1分。")
    assert rule["kind"] == "checklist"
    assert rule["tasks"] == ["制定年度计划", "开展专题培训", "报送年度总结"]


def test_a_ladder_of_disciplinary_outcomes_goes_to_a_person():
    assert is_flagged("干部违纪受到查处，被诫勉的扣1分，受到轻处分的扣2分，受到重处分的扣4分。")
    assert is_flagged("受到党纪重处分的扣3分，移送司法机关的扣6分")
    # near miss: two separate failings, no ladder, each costs its amount once
    read = rules("未制定计划的扣1分，未报送总结的扣2分。")
    assert [rule["amount"] for rule in read] == [Decimal(-1), Decimal(-2)]


def test_a_range_whose_separator_was_lost_goes_to_a_person():
    assert is_flagged("护理记录不全每次减23分")
    assert is_flagged("交接班记录缺项减13分。")
    assert read_criteria("处方书写不规范每处扣12分", points=Decimal(10)).rules[0].flagged
    # near misses: a plain amount, and a two-digit amount well inside the item's points
    assert only_rule("护理记录不全每次减2分") == {
        "kind": "per_occurrence",
        "amount": Decimal(-2),
        "unit": "次",
    }
    assert not read_criteria("未建立台账的扣12分", points=Decimal(30)).rules[0].flagged
    assert not is_flagged("发生较大事故的扣15分")


def test_a_clause_whose_only_condition_is_the_time_of_day_goes_to_a_person():
    assert is_flagged("请假超过规定天数的计缺勤,下午扣0.5分;")
    assert is_flagged("超时未到岗,晚上扣1分")
    # near miss: the time of day inside a full condition
    assert only_rule("下午未按时到岗的扣0.5分")["amount"] == Decimal("-0.5")


def test_a_bonus_allowance_on_a_scored_item_caps_its_bonus_rule():
    reading = read_criteria(
        "本项设有加分项(最多加3分)。每季度至少开展1次,每少1次扣1分。市领导出席一次加1.5分。",
        points=Decimal(4),
    )
    assert [read.rule for read in reading.rules][-1] == {
        "kind": "per_occurrence",
        "amount": Decimal("1.5"),
        "unit": "次",
        "cap": Decimal(3),
    }
    assert reading.node.get("kind") != "bonus"
    # near miss: an item that only adds is a bonus item with its cap
    reading = read_criteria("本项为加分项，最多加3分。每获市级表彰一次加1分。")
    assert reading.node == {"kind": "bonus", "cap": Decimal(3)}


def test_a_bonus_allowance_over_several_bonus_rules_goes_to_a_person():
    reading = read_criteria(
        "该项设有加分项(最多加4分)。未按时报送扣1分。主要领导出席一次加1分;经验被推广一次加2分。",
        points=Decimal(5),
    )
    assert [read.flagged for read in reading.rules] == [False, True, True]


def test_a_rate_no_reader_understood_is_never_a_one_off_amount():
    assert is_flagged("群众投诉率高于上年,每高一个百分点扣0.5分。")
    # pages that print pinyin after each character leave blanks inside the words
    assert is_flagged("投訴率高于上年(nián),每高一個(gè)百分點(diǎn)扣0.5分。")
    # near miss: the same amount with no rate before it is taken once
    assert only_rule("群众投诉未按期办结的扣0.5分。")["cap"] == Decimal("0.5")


def test_a_gang_is_counted_like_any_other_occurrence():
    rule = only_rule("辖区内查实赌博团伙的,每伙扣2分")
    assert rule == {"kind": "per_occurrence", "amount": Decimal(-2), "unit": "伙"}


def test_a_target_clause_that_scores_on_its_own_is_not_swallowed_by_the_step_after_it():
    reading = read_criteria("绿化覆盖率达到60%以上计2分,每降低5%扣0.5分。", points=Decimal(5))
    assert [read.flagged for read in reading.rules] == [True]
    assert reading.rules[0].guesses[0]["kind"] == "shortfall"
    # near miss: a target clause that only states the target starts the shortfall rule
    rule = only_rule("绿化覆盖率达到60%,每降低5%扣0.5分。")
    assert (rule["kind"], rule["target"], rule["step"]) == ("shortfall", 60, 5)


def test_a_minimum_in_two_units_gives_each_unit_its_own_frequency():
    read = rules("党组中心组全年学习不少于8次,10天,缺一次扣1分,缺一天扣0.5分。")
    assert [(rule["kind"], rule["minimum"], rule["amount"]) for rule in read] == [
        ("frequency", 8, Decimal(-1)),
        ("frequency", 10, Decimal("-0.5")),
    ]
    assert {rule["per"] for rule in read} == {"year"}
    # the minimum at the very start of the criteria
    assert len(rules("不少于8次,10天,缺一次扣1分,缺一天扣0.5分。")) == 2
    # near miss: a second minimum without an amount of its own leaves the first as it was
    rule = only_rule("全年学习不少于8次10天,每少一次扣1分")
    assert (rule["kind"], rule["minimum"], rule["amount"]) == ("frequency", 8, Decimal(-1))


def test_items_sharing_the_last_ones_failing_are_each_a_task():
    rule = only_rule("宣传、培训、督查工作不到位的,各扣0.5分。")
    assert rule == {
        "kind": "checklist",
        "amount": Decimal("-0.5"),
        "tasks": ["宣传工作不到位", "培训工作不到位", "督查工作不到位"],
    }
    # after the item's points, with no comma between
    read = rules("按要求开展普法宣传(3分)机关、学校、社区工作不力各扣1分。")
    assert read[-1]["tasks"] == ["机关工作不力", "学校工作不力", "社区工作不力"]
    # near miss: a failing written before the items is a negated list, read as it was
    assert only_rule("未制定方案、未开展培训的,各扣1分")["tasks"] == ["未制定方案", "未开展培训"]


def test_a_grade_in_quotes_as_a_condition_is_read_with_its_amount():
    rule = only_rule("在专项检查中被认定为“不合格”的,每次扣0.2分;")
    assert rule == {"kind": "per_occurrence", "amount": Decimal("-0.2"), "unit": "次"}
    # near miss: a grade set outright still goes to a person
    assert is_flagged("该单位年度考核评为“不合格”。")


def test_each_piece_adopted_earns_its_amount_even_without_计():
    adopted = ("简报采用每条8分。", "被市政府办采用的每篇6分;", "重要信息单篇采用的,每篇计4分。")
    for text in adopted:
        assert only_rule(text)["kind"] == "per_occurrence"
    assert only_rule("工作简报采用每条8分。")["amount"] == Decimal(8)
    # near miss: amounts by where the piece was adopted are levels a person settles
    assert is_flagged("简报采用每条4分,被市委办采用每条6分,被省委办采用的每条12分;")


def test_animals_and_class_periods_found_one_at_a_time_count_occurrences():
    assert only_rule("检查发现老鼠一只扣0.2分") == {
        "kind": "per_occurrence",
        "amount": Decimal("-0.2"),
        "unit": "只",
    }
    assert only_rule("缺课一节扣1分")["unit"] == "节"
    assert "cap" not in only_rule("缺课一节扣1分")


def test_where_petitioners_went_written_with_去_names_the_levels():
    rule = only_rule("去市上访每批次扣1分,去省上访每批次扣3分")
    assert rule["levels"] == {"去市": Decimal(-1), "去省": Decimal(-3)}


def test_levels_named_in_the_heading_before_do_not_hide_each_amounts_own_level():
    reading = rules("赴省进京越级上访事件(8分),去市上访每起扣1分,赴省每起扣3分,进京每起扣5分。")
    assert reading[0]["levels"] == {"去市": Decimal(-1), "赴省": Decimal(-3), "进京": Decimal(-5)}


def test_tiers_above_an_average_with_the_comparison_written_once_are_one_tiered_rule():
    rule = only_rule("持平不扣分,超过全市平均值3个点以内扣0.5分,3个点以外扣1分。", Decimal(1))
    assert rule == {
        "kind": "tiered",
        "levels": {"超过3个点以内": Decimal("-0.5"), "超过3个点以外": Decimal(-1)},
        "highest_only": True,
    }
    # near miss: a count before a one-off amount still casts doubt on it
    assert is_flagged("2项任务有1项未完成扣0.5分")
