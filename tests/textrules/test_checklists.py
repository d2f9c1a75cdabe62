from decimal import Decimal

from tests.textrules.helpers import is_flagged, only_rule, rules


def test_sentences_before_each_uncompleted_item_become_the_tasks():
    rule = only_rule("完成年度党建工作计划；开展主题党日活动。每未完成一项扣1分。")
    assert rule == {
        "kind": "checklist",
        "amount": Decimal(-1),
        "tasks": ["完成年度党建工作计划", "开展主题党日活动"],
    }


def test_tasks_keep_the_documents_own_punctuation():
    rule = only_rule("开展巡查，履行监督职责。落实整改。每未完成1项，扣1分。")
    assert rule["tasks"] == ["开展巡查，履行监督职责", "落实整改"]


def test_a_single_sentence_before_每未完成1项_says_what_is_counted_not_one_task():
    rule = only_rule("落实值班执勤、大楼安全管理以及交办的其他事项。每未完成1项，扣0.5分。")
    assert (rule["kind"], rule["amount"], rule["unit"]) == ("per_occurrence", Decimal("-0.5"), "项")


def test_a_checklist_amount_with_nothing_listed_is_flagged():
    assert is_flagged("每未完成1项，扣1分。")


def test_conditions_listed_before_各扣_each_cost_the_amount():
    rule = only_rule("未成立领导小组的；\n未制定实施方案的；\n未按期报送总结的，各扣0.5分。")
    assert rule["tasks"] == ["未成立领导小组", "未制定实施方案", "未按期报送总结"]
    assert rule["amount"] == Decimal("-0.5")


def test_several_conditions_run_together_before_各扣_are_flagged():
    assert is_flagged("组织不健全、经费未保障或活动开展不正常的,各扣0.5分。")


def test_tasks_named_in_the_sentence_itself_are_split_at_the_enumeration_comma():
    rule = only_rule(
        "完成“一市一堂课”视频制作、“一市一线路”线路设计及建设工作，2项任务有1项未完成扣0.5分。"
    )
    assert rule["tasks"] == ["“一市一堂课”视频制作", "“一市一线路”线路设计及建设工作"]


def test_named_tasks_that_do_not_add_up_to_the_count_are_flagged():
    assert is_flagged("完成年度普法、依法治理工作，3项任务有1项未完成扣0.5分。")


def test_conditions_run_together_with_full_width_commas_are_flagged_too():
    assert is_flagged("未设立法制机构，未配备专职法制工作人员的，各扣0.1分。")


def test_requirements_listed_before_每缺一项_become_the_tasks():
    rule = only_rule("制定管护方案;落实专人管护;保障管护经费。每缺一项扣0.5分。")
    assert rule == {
        "kind": "checklist",
        "amount": Decimal("-0.5"),
        "tasks": ["制定管护方案", "落实专人管护", "保障管护经费"],
    }


def test_少一项_with_no_list_before_counts_the_missing_items():
    rule = only_rule("每少一项扣0.5分。")
    assert (rule["kind"], rule["amount"], rule["unit"]) == ("per_occurrence", Decimal("-0.5"), "项")


def test_少一项_after_items_listed_in_its_own_sentence_is_left_to_a_person():
    assert is_flagged("设置人员去向牌、岗位牌,少一项扣1分。")


def test_少一项_after_a_list_left_open_with_等_counts_the_missing_items():
    rule = only_rule("建立考勤制度、首问责任制等制度,每少一项扣0.2分。")
    assert (rule["kind"], rule["unit"]) == ("per_occurrence", "项")


def test_failings_listed_before_上述情况之一的每项扣_are_the_tasks():
    rule = only_rule(
        "(1)未按期答复群众诉求的。\n(2)答复意见不规范的。\n出现上述情况之一的，每项扣20分。"
    )
    assert rule == {
        "kind": "checklist",
        "amount": Decimal(-20),
        "tasks": ["未按期答复群众诉求", "答复意见不规范"],
    }


def test_a_list_stops_at_the_heading_of_the_item_before():
    rule = only_rule(
        "做好调处工作(3分)\n(1)调处不及时的。\n(2)调处不公的。\n有上述情况的每项扣2分。"
    )
    assert rule["tasks"] == ["调处不及时", "调处不公"]


def test_tasks_named_before_不落实的每项扣_form_a_checklist():
    rule = only_rule("主题党日、组织生活会、谈心谈话不落实的，每项扣1分。")
    assert rule == {
        "kind": "checklist",
        "amount": Decimal(-1),
        "tasks": ["主题党日", "组织生活会", "谈心谈话"],
    }


def test_failings_each_written_with_their_negation_are_not_a_named_checklist():
    rule = only_rule("方案落实不到位、整改不到位的，每项扣0.5分。")
    assert rule["kind"] == "per_occurrence"


def test_a_single_line_listing_items_before_每少一项_is_flagged():
    assert is_flagged("(值班制度、请假制度、考勤制度)\n每少一项扣0.5分。")


def test_conditions_before_各扣_begin_after_an_earlier_rule_of_the_sentence():
    reading = rules("未召开动员会的扣1分,示范村和示范户创建未达标的各扣2分。")
    assert reading[0]["amount"] == Decimal(-1)
    assert reading[1]["flagged"]
    assert reading[1]["text"].startswith("示范村")


def test_各扣_after_a_single_condition_is_flagged():
    assert is_flagged("示范村和示范户创建未达标的各扣2分。")


def test_one_negation_over_a_list_costs_each_thing_missing_once():
    rule = only_rule("未建立安全检查台账、隐患整改台账的各扣0.5分")
    assert rule == {
        "kind": "checklist",
        "amount": Decimal("-0.5"),
        "tasks": ["安全检查台账", "隐患整改台账"],
    }
    rule = only_rule("没有工作方案、半年小结各扣1分")
    assert rule["tasks"] == ["工作方案", "半年小结"]


def test_a_shared_negation_over_items_joined_by_或_goes_to_a_person():
    assert is_flagged("未建立领导小组或明确联络员、工作台账的各扣0.2分")


def test_failings_listed_after_their_subject_each_cost_the_amount_once():
    rule = only_rule("宣传工作无方案、无台账、无总结的，分别扣0.5分。")
    assert rule == {
        "kind": "checklist",
        "amount": Decimal("-0.5"),
        "tasks": ["无方案", "无台账", "无总结"],
    }


def test_failings_listed_before_以上情形每出现一项_are_the_tasks():
    rule = only_rule("(1)台账不全的;\n(2)公示不及时的。\n以上情形每出现一项扣0.5分。")
    assert rule == {
        "kind": "checklist",
        "amount": Decimal("-0.5"),
        "tasks": ["台账不全", "公示不及时"],
    }
