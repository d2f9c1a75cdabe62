"""A scoring sentence survives whatever place the layout gives it (issue 11 item 4): written in a
name's brackets, stated as a task's points, run on after a neighbour's cell. Each ends as a rule
or a flagged rule carrying its text, never as points or a name with nothing to read."""

from decimal import Decimal

from kaohe.transfer.importers import import_document
from tests.transfer.documents import leaf, workbook

HEADER = ("一级指标", "二级指标", "分值", "评分标准")


def test_a_deduction_in_a_names_brackets_is_read_not_taken_for_the_items_points():
    rows = [
        HEADER,
        ("宣传教育", "把安全条例纳入年度学习计划（未纳入的，倒扣3分）", None, None),
        ("宣传教育", "安全月活动", 4, "未开展的扣4分。"),
    ]
    result = import_document("细则.xlsx", workbook(rows))

    item = leaf(result.scheme, "宣传教育", "把安全条例纳入年度学习计划")
    assert "未纳入的，倒扣3分" in item["criteria"]
    assert [rule["kind"] for rule in item["rules"]] == ["per_occurrence"]
    assert item["rules"][0]["amount"] == -3


def test_a_deduction_in_a_group_names_brackets_goes_to_a_leaf_of_the_group():
    rows = [
        HEADER,
        ("保密审查（泄露内部资料的，每次倒扣2分）", "审查制度", 5, "未建立审查制度的扣5分。"),
        ("保密审查（泄露内部资料的，每次倒扣2分）", "审查记录", 5, "记录不全的扣1分。"),
    ]
    result = import_document("细则.xlsx", workbook(rows))

    group = result.scheme["sections"][0]
    texts = [rule["text"] for child in group["children"] for rule in child["rules"]]
    assert any("每次倒扣2分" in text for text in texts)


def test_tasks_given_their_points_in_the_criteria_are_flagged_each_with_its_text():
    criteria = (
        "1、年初制定宣传计划并报备（2分，每缺一项扣1分）；"
        "2、在门户网站开设政策解读专栏并按月更新（2分）；"
        "3、组织一次面向群众的开放日活动（1分）。"
    )
    result = import_document("细则.xlsx", workbook([HEADER, ("宣传工作", "政策宣传", 5, criteria)]))

    rules = leaf(result.scheme, "宣传工作", "政策宣传")["rules"]
    flagged = [rule["text"] for rule in rules if rule.get("flagged")]
    assert any("在门户网站开设政策解读专栏并按月更新（2分）" in text for text in flagged)
    assert any("组织一次面向群众的开放日活动（1分）" in text for text in flagged)
    assert "方案校验：通过" not in result.report.lines()


def test_an_item_that_is_only_its_name_stated_as_a_credit_is_flagged_with_that_line():
    rows = [
        HEADER,
        ("队伍建设", "按期完成年度党员发展计划（4分）；", None, None),
        ("队伍建设", "组织领导", 6, None),
    ]
    result = import_document("细则.xlsx", workbook(rows))

    credited = leaf(result.scheme, "队伍建设", "按期完成年度党员发展计划")
    assert credited["points"] == 4
    [rule] = credited["rules"]
    assert rule["flagged"] and rule["text"].startswith("按期完成年度党员发展计划（4分）")
    assert not leaf(result.scheme, "队伍建设", "组织领导")["rules"]  # a heading, nothing to read


def test_minimums_listed_for_periods_of_their_own_each_count_the_times_short():
    criteria = "每季度至少1次安全检查、每半年不少于1次应急演练,每少1次扣0.2分。"
    result = import_document("细则.xlsx", workbook([HEADER, ("安全生产", "日常管理", 5, criteria)]))

    rules = leaf(result.scheme, "安全生产", "日常管理")["rules"]
    assert [(rule["kind"], rule["per"], rule["amount"]) for rule in rules] == [
        ("frequency", "quarter", Decimal("-0.2")),
        ("frequency", "half", Decimal("-0.2")),
    ]


def test_two_failings_costing_the_same_per_time_are_two_rules_not_grades_of_one():
    criteria = (
        "1.来信未登记的,1次扣3分;\n2.未按期答复来信人的1次扣3分;\n3.泄露来信人信息的每次扣10分。"
    )
    result = import_document(
        "细则.xlsx", workbook([HEADER, ("信访工作", "来信办理", 20, criteria)])
    )

    rules = leaf(result.scheme, "信访工作", "来信办理")["rules"]
    assert [(rule["kind"], rule["amount"], rule.get("flagged", False)) for rule in rules] == [
        ("per_occurrence", Decimal("-3"), False),
        ("per_occurrence", Decimal("-3"), False),
        ("per_occurrence", Decimal("-10"), False),
    ]


def test_a_flag_read_from_the_middle_of_a_sentence_quotes_its_condition_too():
    criteria = (
        "20、发生一起较大险情的,扣20分. 发生一起谎报险情的,全年实行 一票否决 . "
        "附表二 防汛工作考核要点 (5分) 落实防汛会议精神情况:\n1、认真落实防汛会议精神的得0.5分。"
    )
    result = import_document(
        "细则.xlsx", workbook([HEADER, ("防汛工作", "险情处置", 20, criteria)])
    )

    rules = leaf(result.scheme, "防汛工作", "险情处置")["rules"]
    veto = next(rule for rule in rules if "一票否决" in rule["text"])
    assert veto["flagged"] and veto["text"].startswith("发生一起谎报险情的,全年实行")


def test_an_unread_clause_is_flagged_with_the_condition_written_before_it():
    criteria = "2.汛期每天开展巡堤查险的,计10分,未按规定巡查的每次扣1分。"
    result = import_document(
        "细则.xlsx", workbook([HEADER, ("防汛工作", "巡堤查险", 10, criteria)])
    )

    rules = leaf(result.scheme, "防汛工作", "巡堤查险")["rules"]
    assert (rules[0].get("flagged", False), rules[0]["text"]) == (
        True,
        "汛期每天开展巡堤查险的,计10分",
    )


BOXED = """某县信访工作考核细则
┌──┬──────┬──┬──────────────┐
│序号│ 考核项目 │分值│ 评分标准 │
├──┼──────┼──┼──────────────┤
│ 1 │ 来访登记 │ 10 │未按规定登记来访群众信息的,每次│
│ │ │ │扣1分;登记不全的,每次扣0.5分。│
├──┼──────┼──┼──────────────┤
│ 2 │ 来信 │ 10 │来信逾期未办结的,每件扣2分。 │
│ │ 办理 │ ├──────────────┤
│ 3 │ 网上 │ 10 │网上信访未按时回复的,每件扣 │
│ │ 信访 │ │1分。 │
└──┴──────┴──┴──────────────┘
"""


def test_a_sentence_wrapped_inside_a_box_drawn_cell_is_read_whole_under_its_item():
    result = import_document("细则.txt", BOXED.encode())

    assert [node["name"] for node in result.scheme["sections"]] == [
        "来访登记",
        "来信办理",
        "网上信访",
    ]
    visits = leaf(result.scheme, "来访登记")
    assert [(rule["text"], rule["amount"]) for rule in visits["rules"]] == [
        ("每次扣1分", Decimal("-1")),
        ("每次扣0.5分", Decimal("-0.5")),
    ]
    assert "未按规定登记来访群众信息的,每次扣1分" in visits["criteria"]
    online = leaf(result.scheme, "网上信访")
    assert [rule["amount"] for rule in online["rules"]] == [Decimal("-1")]


def test_nothing_given_for_a_task_not_done_is_a_zero_on_event_like_no_points():
    criteria = "按时报送年度总结,未报送的不给分。"
    result = import_document("细则.xlsx", workbook([HEADER, ("综合工作", "年度总结", 2, criteria)]))

    rules = leaf(result.scheme, "综合工作", "年度总结")["rules"]
    assert [rule["kind"] for rule in rules] == ["zero_on_event"]


def test_a_sentence_taken_for_a_groups_name_is_read_in_the_group():
    rows = [
        HEADER,
        (
            "巡查制度:开展季度巡查工作,未开展的,1次扣3分,扣完为止",
            "巡查记录",
            6,
            "记录不全的扣1分。",
        ),
        ("巡查制度:开展季度巡查工作,未开展的,1次扣3分,扣完为止", "问题整改", 6, "未整改的扣2分。"),
    ]
    result = import_document("细则.xlsx", workbook(rows))

    group = result.scheme["sections"][0]
    rules = [rule for child in group["children"] for rule in child["rules"]]
    assert {"kind": "frequency", "per": "quarter", "amount": Decimal("-3")}.items() <= next(
        rule for rule in rules if rule["kind"] == "frequency"
    ).items()


def test_the_points_earned_above_a_threshold_are_flagged_beside_the_zero_below_it():
    criteria = "全年培训经费5000元以上得分,否则不得分。"
    result = import_document("细则.xlsx", workbook([HEADER, ("保障工作", "培训经费", 2, criteria)]))

    rules = leaf(result.scheme, "保障工作", "培训经费")["rules"]
    assert [(rule["kind"], rule.get("flagged", False)) for rule in rules] == [
        ("discretionary", True),
        ("zero_on_event", False),
    ]
    assert rules[0]["text"] == "全年培训经费5000元以上得分"


def test_a_line_broken_after_an_opening_bracket_runs_on_into_the_next():
    text = (
        "某局执法工作考核细则\n"
        "一、案件报送(10分)\n"
        "1)未按规定报送大案要案的,每件扣1分。\n"
        "2)未按《\n"
        "行政执法案件统计办法》报送案件汇总的,每次扣1分。\n"
    )
    result = import_document("细则.txt", text.encode())

    item = leaf(result.scheme, "案件报送")
    assert "未按《行政执法案件统计办法》报送案件汇总的,每次扣1分" in item["criteria"]
    assert not any("未按《" in cell for cell in result.report.cells_ignored)


CELL_PER_LINE = """乡镇河道保洁考核评分表

考核内容

分值

评分标准

1、组建河道保洁队伍

10

按照每公里河道配备1名保洁员。未组建保洁队伍扣

3分;保洁员配备不足每少1人扣0.5

分。

2、落实保洁经费

10

查看预算和支出凭证。经费未落实扣

4分;经费未按时拨付的,缺少一

次扣1分。
"""


def test_an_amount_broken_from_its_verb_across_lines_stays_in_its_sentence():
    result = import_document("细则.txt", CELL_PER_LINE.encode())

    team = leaf(result.scheme, "组建河道保洁队伍")
    assert team["points"] == 10
    assert "未组建保洁队伍扣3分" in team["criteria"]
    assert "每少1人扣0.5分" in team["criteria"]
    assert [rule["amount"] for rule in team["rules"]] == [Decimal("-3"), Decimal("-0.5")]
    funds = leaf(result.scheme, "落实保洁经费")
    assert "缺少一次扣1分" in funds["criteria"]


def test_a_rating_scale_placed_outside_every_indicator_is_flagged_though_it_names_no_verb():
    text = (
        "某镇综治工作考评细则\n\n"
        "结合本镇实际,考评包括组织领导、平安创建等内容。年度计分85分以上为优秀单位,"
        "70分至84分为达标单位,70分以下为不达标单位。\n\n"
        "一、组织领导(20分)\n未成立领导小组的扣5分。\n"
        "二、平安创建(80分)\n发生刑事案件的,每起扣2分。\n"
    )
    result = import_document("细则.txt", text.encode())

    placed = leaf(result.scheme, "未归入指标的评分文字")
    assert [rule.get("flagged") for rule in placed["rules"]] == [True]
    assert "70分至84分为达标单位" in placed["rules"][0]["text"]


RULED_UNDER_HEADER = """某县信访工作考核细则
┌──┬──────┬──┬──────────────┐
│序号│ 考核项目 │分值│ 评分标准 │
├──┼──────┼──┼──────────────┤
│ 1 │ 来访登记 │ 10 │未按规定登记来访信息的,每次扣1分。│
│ 2 │ 来信办理 │ 10 │来信逾期未办结的,每件扣2分。 │
│ 3 │ 网上信访 │ 10 │网上信访未按时回复的,每件扣1分。│
└──┴──────┴──┴──────────────┘
"""


def test_a_box_drawn_table_ruled_only_under_its_header_keeps_a_row_a_line():
    result = import_document("细则.txt", RULED_UNDER_HEADER.encode())

    assert [node["name"] for node in result.scheme["sections"]] == [
        "来访登记",
        "来信办理",
        "网上信访",
    ]
    assert [node["points"] for node in result.scheme["sections"]] == [10, 10, 10]


def test_a_scoring_word_a_pdf_split_with_a_space_is_still_kept_outside_every_indicator():
    text = (
        "某镇统计工作考评细则\n\n"
        "结合本镇实际制定本细则。村社未配备统计人员的不 得分。\n\n"
        "一、组织领导(20分)\n未成立领导小组的扣5分。\n"
        "二、数据质量(80分)\n数据差错的,每处扣2分。\n"
    )
    result = import_document("细则.txt", text.encode())

    placed = leaf(result.scheme, "未归入指标的评分文字")
    assert any("未配备统计人员的不 得分" in rule["text"] for rule in placed["rules"])


def test_a_score_set_by_assessment_is_flagged_for_a_person():
    criteria = "漏报案件的,每件扣1分。由市局根据检查覆盖面和执法质量进行综合考核,评估定分。"
    result = import_document(
        "细则.xlsx", workbook([HEADER, ("稽查工作", "专项检查", 10, criteria)])
    )

    rules = leaf(result.scheme, "稽查工作", "专项检查")["rules"]
    assert any(rule.get("flagged") and "评估定分" in rule["text"] for rule in rules)
