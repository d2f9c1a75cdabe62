"""Outlines whatever their shape: each test is a small made-up document in the style of its
layout class, read into the indicator tree and points a person reads in it."""

from kaohe.transfer.importers import import_document
from tests.transfer.documents import leaf, tree


def imported_tree(text: str) -> list[tuple[str, ...]]:
    return tree(import_document("细则.txt", text.encode()).scheme)


def test_items_whose_numerals_were_lost_and_ran_onto_the_line_before_are_items():
    text = (
        "某镇安全生产考核办法\n"
        "(一)日常管理(共20分).隐患排查(8分)\n"
        "未按月排查的,每次扣2分。.应急演练5人以上(不含5人)(12分)\n"
        "未开展演练的扣6分。\n"
    )

    assert imported_tree(text) == [
        ("日常管理", "20"),
        ("日常管理", "隐患排查", "8"),
        ("日常管理", "应急演练5人以上(不含5人)", "12"),
    ]


def test_items_listed_in_one_line_with_points_that_make_their_parents_are_its_items():
    text = (
        "某县信访考核细则\n"
        "一、化解目标(共计15分)\n"
        "初信化解率达到90%(8分)、积案化解率达到70%(7分)。\n"
        "二、办理质量(10分)\n"
        "按期办结(4分)、群众满意(4分)。\n"  # 8 is not 10: a sentence, not its items
    )
    scheme = import_document("细则.txt", text.encode()).scheme

    assert tree(scheme) == [
        ("化解目标", "15"),
        ("化解目标", "初信化解率达到90%", "8"),
        ("化解目标", "积案化解率达到70%", "7"),
        ("办理质量", "10"),
    ]
    assert "按期办结(4分)" in leaf(scheme, "办理质量")["criteria"]


def test_a_table_dumped_one_cell_a_line_between_lone_rules_reads_as_its_rows():
    cells = [
        "一、制度建设(10分)",
        "1.信息发布审核、保密\n审查制度",  # a cell wrapped onto a second line
        "6分",
        "建立信息发布台账,包括“标题、发布时间、发布人”等要素。(未建立台账的扣3分。)",
        "2.年报制度",
        "4分",
        "按时公开年度报告。(未公开的不得分。)",
    ]
    text = "某区政务公开考核细则\n" + "\n|\n".join(cells) + "\n"
    scheme = import_document("细则.txt", text.encode()).scheme

    assert tree(scheme) == [
        ("制度建设", "10"),
        ("制度建设", "信息发布审核、保密审查制度", "6"),
        ("制度建设", "年报制度", "4"),
    ]
    assert "发布时间" in leaf(scheme, "制度建设", "信息发布审核、保密审查制度")["criteria"]


def test_level_names_with_bare_points_run_into_their_first_row_head_the_rows():
    text = (
        "某局2024年度机关党建考核细则表格\n"
        "类别考核项目序号考核内容分值计分方法\n"
        "日常工作30分组织建设12分1按期召开支部委员会,议题规范。6未按期召开的每次扣1分。\n"
        "2建立党员学习档案,记录完整。6档案缺失的每人扣0.5分。\n"
        "队伍建设18分3党员参加集中轮训,学时达标。18未参加轮训的每人扣1分。\n"
    )

    assert imported_tree(text) == [
        ("日常工作", "30"),
        ("日常工作", "组织建设", "12"),
        ("日常工作", "组织建设", "按期召开支部委员会", "6"),
        ("日常工作", "组织建设", "建立党员学习档案", "6"),
        ("日常工作", "队伍建设", "18"),
        ("日常工作", "队伍建设", "党员参加集中轮训", "18"),
    ]


def test_columns_left_for_the_assessors_a_name_ending_like_a_unit_and_the_total_row():
    cells = [
        "考核项目", "分值", "评分标准", "督查结果", "评比得分",
        "卫生保洁", "20", "垃圾未清运的,每处扣1分。",
        "设施运行", "30", "设施停用的,每次扣2分。",
        "合计", "50",
    ]  # fmt: skip
    text = "某村人居环境考核评分细则\n\n" + "\n\n".join(cells) + "\n"
    imported = import_document("细则.txt", text.encode())

    assert tree(imported.scheme) == [("卫生保洁", "20"), ("设施运行", "30")]
    assert any("合计" in cell for cell in imported.report.cells_ignored)


def test_an_outline_run_into_one_line_with_named_parts_over_their_numbered_lines():
    text = (
        "某乡2025年村级消防安全考核细则 一、火灾防控(共40分,扣完为止) 1、火灾事故 "
        "(1)、发生火灾造成人员死亡的,一次死亡3人以上实行一票否决; (2)、发生农房火灾的,"
        "每户扣10分; 2、隐患整改 (1)、检查发现隐患未整改的,每处扣2分; (2)、整改台账不全的,"
        "扣3分。 二、宣传教育(20分) 每季度至少开展1次消防宣传,每少1次扣5分。\n"
    )
    imported = import_document("细则.txt", text.encode())
    scheme = imported.scheme

    assert tree(scheme) == [
        ("火灾防控", "40"),
        ("火灾防控", "火灾事故", "0"),  # the document gives the parts no points of their own
        ("火灾防控", "隐患整改", "0"),
        ("宣传教育", "20"),
    ]
    assert "每户扣10分" in leaf(scheme, "火灾防控", "火灾事故")["criteria"]
    assert any("「火灾防控 › 火灾事故」没有分值" in item for item in imported.report.pending)


def test_a_numbered_name_without_points_heads_the_pointed_headings_numbered_below_it():
    text = (
        "某区信访工作考核细则\n"
        "一、考核内容及评分标准\n"  # names the document's layout: never an indicator
        "二、业务指标\n"
        "(一)受理办理(30分)\n"
        "1.及时受理率(10分)。未及时受理的,每件扣1分。\n"
        "2.群众满意率。指参评群众对办理结果的满意率和参评率(20分)。\n"
        "满意率低于80%的扣5分。\n"
    )
    imported = import_document("细则.txt", text.encode())

    assert tree(imported.scheme) == [
        ("业务指标", "30"),
        ("业务指标", "受理办理", "30"),
        ("业务指标", "受理办理", "及时受理率", "10"),
        ("业务指标", "受理办理", "群众满意率", "20"),
    ]
    satisfaction = leaf(imported.scheme, "业务指标", "受理办理", "群众满意率")
    assert "指参评群众对办理结果的满意率和参评率" in satisfaction["criteria"]
    assert any("考核内容及评分标准" in cell for cell in imported.report.cells_ignored)


def test_an_outline_run_into_one_line_without_spaces_is_cut_where_its_numbering_counts_on():
    text = (
        "某局档案工作考核细则为规范档案管理,统一、完善考核办法,制定本细则。"
        "一、归档管理(10分)1、文件材料按时归档(6分)未按时归档的,每次扣1分。"
        "2、案卷整理规范(4分)不规范的,每卷扣0.5分。"
        "二、利用服务(5分)1、查阅登记完整(5分)未登记的,每次扣1分。\n"
    )

    assert imported_tree(text) == [
        ("归档管理", "10"),
        ("归档管理", "文件材料按时归档", "6"),
        ("归档管理", "案卷整理规范", "4"),
        ("利用服务", "5"),
        ("利用服务", "查阅登记完整", "5"),
    ]


def test_a_page_copied_with_its_lines_numbered_runs_on_across_the_numbers():
    meeting = "每季度召开安全例会,未召开的每次扣1分;" * 14  # a page's width of text
    text = (
        "1、某镇安全生产考核细则 一、组织领导(10分) 1、成立安全生产领导小组,未成立的扣5分。"
        + meeting
        + "2、安全台账以镇安监办存档\n"  # the page's line breaks off inside a sentence
        + "2、为准),台账不全的扣2分。"
        + meeting
        + " 二、隐患排查(10分) 1、每月排查一次,未排查的每次扣2分;"
        + meeting
        + "2、整改不到位\n"
        + "3、的,每处扣1分。\n"
    )

    assert imported_tree(text) == [("组织领导", "10"), ("隐患排查", "10")]


def test_a_narrower_page_copied_with_its_lines_numbered_keeps_its_parts_apart():
    text = (
        "1、某村2019年度目标考核细则一、民生保障(20分)(一)低保管理(10分)1.低保对象未按季度"
        "在村务公开栏公示或公示内容不全的扣1分。2.发现错保漏保、人情保关系保的,每户扣2分。"
        "3.低保档案资料不齐全、审批表签字不完整的扣0.5-1分。4.入户核查记录缺失或未按规定"
        "开展动态管理的扣1分。5.临时救助未按规定程序审批并及时\n"
        "2、发放的扣1分。(二)养老服务(10分)1.居家养老服务站未正常运行、日间照料服务项目不足三项的"
        "扣3分。2.高龄津贴发放不及时或发放对象不准确的扣1分。3.重阳节敬老活动未按要求组织"
        "开展的扣0.5-1分。4.养老服务台账不全、未按月更新、服务记录缺失或者与实际情况不符的扣1分。"
        "5.其他养老服务工作未按时\n"
        "3、完成的酌情扣分。\n"
    )

    assert imported_tree(text) == [
        ("民生保障", "20"),
        ("民生保障", "低保管理", "10"),
        ("民生保障", "养老服务", "10"),
    ]


def test_items_numbered_with_a_dash_under_their_parents_number_are_its_items():
    text = (
        "某镇信访工作考核办法\n"
        "一、定量考核(80分)\n"
        "1、源头防范(30分)\n"
        "1-1开展信访评估(5分)。未开展评估的,每个项目扣1分。\n"
        "1-2初次信访办理(25分)。未按时办结的,每件扣1分。\n"
        "2、维护秩序(50分)\n"
        "每发生一起越级上访扣5分。\n"
    )

    assert imported_tree(text) == [
        ("定量考核", "80"),
        ("定量考核", "源头防范", "30"),
        ("定量考核", "源头防范", "开展信访评估", "5"),
        ("定量考核", "源头防范", "初次信访办理", "25"),
        ("定量考核", "维护秩序", "50"),
    ]


def test_a_run_on_outline_cuts_before_items_numbered_with_a_dash_and_nests_them():
    text = (
        "某镇信访工作考核办法一、定量考核(60分)"
        "1、源头防范(20分)1-1开展信访评估(8分)。未开展评估的,每个项目扣1分。"
        "1-2初信办理(12分)。未按时办结的,每件扣1分。2、维护秩序(40分)。每发生一起扣5分。\n"
    )

    scheme = import_document("办法.txt", text.encode()).scheme

    assert tree(scheme) == [
        ("定量考核", "60"),
        ("定量考核", "源头防范", "20"),
        ("定量考核", "源头防范", "开展信访评估", "8"),
        ("定量考核", "源头防范", "初信办理", "12"),
        ("定量考核", "维护秩序", "40"),
    ]
    assert "每个项目扣1分" in leaf(scheme, "定量考核", "源头防范", "开展信访评估")["criteria"]


def test_an_items_points_written_as_its_base_score_open_it():
    text = (
        "某局信息工作考核细则\n"
        "一、信息报送(40分)\n"
        "1.日常报送基础分为25分。每月少报1篇扣1分。\n"
        "2.专题信息满分15分。未按要求报送的,每次扣2分。\n"
    )

    assert imported_tree(text) == [
        ("信息报送", "40"),
        ("信息报送", "日常报送", "25"),
        ("信息报送", "专题信息", "15"),
    ]


def test_scoring_rows_before_the_first_category_whose_numbering_carries_on_after_it_are_its():
    # A score sheet flattened into text: the category cell, centred down its rows, is printed
    # after its first rows; the rows' numbering runs on through it.
    text = (
        "某县党风廉政建设考核评分表\n"
        "1.组织专题学习记3分。\n"
        "2.开展警示教育活动加2分。\n"
        "(一)廉政教育(5分)\n"
        "3.建立廉政档案的加1分。\n"
        "(二)制度建设(5分)\n"
        "4.制定制度的记2分。\n"
    )
    scheme = import_document("评分表.txt", text.encode()).scheme

    assert imported_tree(text) == [("廉政教育", "5"), ("制度建设", "5")]
    criteria = leaf(scheme, "廉政教育")["criteria"]
    assert "1.组织专题学习记3分。" in criteria
    assert "2.开展警示教育活动加2分。" in criteria


def test_scoring_rows_before_the_first_heading_that_do_not_carry_on_are_reported():
    text = "某县考核细则\n1.考核中弄虚作假的扣5分。\n(一)廉政教育(5分)\n1.建立廉政档案的加1分。\n"
    imported = import_document("细则.txt", text.encode())

    assert "弄虚作假" not in leaf(imported.scheme, "廉政教育")["criteria"]
    # reported, and (issue 11 item 4) kept as a flagged rule outside every indicator, never
    # left in the ignored list where nothing scores it
    assert any("第 2 行的评分文字未归入指标" in note for note in imported.report.notes)
    kept = leaf(imported.scheme, "未归入指标的评分文字")["rules"]
    assert [(rule["flagged"], "弄虚作假的扣5分" in rule["text"]) for rule in kept] == [(True, True)]


def test_a_heading_whose_points_lost_their_closing_bracket_still_opens_its_item():
    text = (
        "某乡平安建设考核办法\n"
        "(一)平安村创建工作\n"
        "1、组织健全(16分\n"
        "未成立综治组织的扣4分。\n"
        "2、治安良好(14分)\n"
        "发生刑事案件的,每件扣2分。\n"
    )

    assert imported_tree(text) == [
        ("平安村创建工作", "30"),
        ("平安村创建工作", "组织健全", "16"),
        ("平安村创建工作", "治安良好", "14"),
    ]


def test_numerals_and_points_the_page_masked_leave_the_items_with_unknown_points():
    text = (
        "某局年度综合考核办法\n"
        "* 、考核要求及赋分\n"
        "( * )基本得分项( * 分)\n"
        "1.岗位职责( * 分)\n"
        "未完成岗位任务的,每次扣1分。\n"
        "2.工作纪律( * 分)\n"
        "迟到早退的,每次扣0.5分。\n"
    )
    imported = import_document("办法.txt", text.encode())

    assert [points for *_, points in tree(imported.scheme)] == ["0", "0", "0"]
    assert [path[:-1] for path in tree(imported.scheme)] == [
        ("基本得分项",),
        ("基本得分项", "岗位职责"),
        ("基本得分项", "工作纪律"),
    ]
    assert imported.report.pending  # the unknown points are left for a person


def test_a_numbered_name_with_bare_points_ending_a_sentence_opens_its_item():
    text = (
        "某镇财政所考核细则\n"
        "(一)財政收入(5分)\n"
        "完成全年收入任务的得5分,未完成的不得分。\n"
        "(二)內部管理(6分)\n"
        "1、預算管理2分。預算編制不全的扣1分。\n"
        "2、資產管理4分。帳實不符的,每處扣1分。\n"
    )

    assert imported_tree(text) == [
        ("財政收入", "5"),
        ("內部管理", "6"),
        ("內部管理", "預算管理", "2"),
        ("內部管理", "資產管理", "4"),
    ]


def test_web_page_furniture_and_a_layout_heading_in_traditional_script_head_nothing():
    furnished = (
        "编辑: 某某 2019-07-10\n"
        "时间:2024-07-17 23:35:13\n"
        "考核評分細則_第1頁\n"
        "组织领导\n10\n未成立领导小组的扣5分。\n"
        "宣传教育\n10\n每少开展1次宣传活动扣2分。\n"
    )
    laid_out = (
        "某镇财政所考核办法\n"
        "一、考核內容和評分標準\n"
        "(一)組織領導(10分)\n未成立領導小組的扣5分。\n"
        "(二)宣傳教育(10分)\n每少開展1次宣傳活動扣2分。\n"
    )

    assert imported_tree(furnished) == [("组织领导", "10"), ("宣传教育", "10")]
    assert imported_tree(laid_out) == [("組織領導", "10"), ("宣傳教育", "10")]


def test_a_requirement_written_as_a_whole_sentence_before_its_points_names_its_item():
    text = (
        "某县学校安全考核评分标准\n"
        "一、落实安全责任(7分)\n"
        "1.成立安全工作领导机构,明确主要负责人为第一责任人并负主要责任,分管负责人负直接责任。(4分)"
        "未成立领导机构的,扣4分。\n"
        "2.定期召开安全工作会议。(3分)全年少于2次的,扣3分。\n"
    )

    assert imported_tree(text) == [
        ("落实安全责任", "7"),
        (
            "落实安全责任",
            "成立安全工作领导机构,明确主要负责人为第一责任人并负主要责任,分管负责人负直接责任",
            "4",
        ),
        ("落实安全责任", "定期召开安全工作会议", "3"),
    ]


def test_a_number_printed_twice_in_a_run_on_outline_still_opens_the_second_item():
    text = (
        "某县学校安全考核评分标准考核项目工作要求计分标准一、落实安全责任(9分)"
        "1.签订安全责任状。(4分)未签订的,扣4分。2.按规定报送事故信息,及时准确。(3分)迟报扣2分。"
        "2.按时报送安全工作总结。(2分)未报送的扣2分。二、隐患排查(5分)"
        "1.开展隐患排查。(5分)未开展的扣5分。\n"
    )

    assert imported_tree(text) == [
        ("落实安全责任", "9"),
        ("落实安全责任", "签订安全责任状", "4"),
        ("落实安全责任", "按规定报送事故信息,及时准确", "3"),
        ("落实安全责任", "按时报送安全工作总结", "2"),
        ("隐患排查", "5"),
        ("隐患排查", "开展隐患排查", "5"),
    ]


def test_a_numbered_name_without_points_over_scoring_lines_is_an_item_and_over_headings_a_group():
    text = (
        "某市办公室工作考核办法\n"
        "(一)文电处理(20分)。不及时取件一次扣5分。\n"
        "(二)信息工作\n"
        "实行累计加分制。\n"
        "1、市政府办公厅采用信息类每条计5分。\n"
        "2、重要信息迟报的每次扣20分。\n"
        "(三)提案工作\n"
        "实行百分基数制。\n"
        "1、办结时限(20分)。未按时办结的每件扣1分。\n"
        "2、办理程序(20分)。未组织复查的,每项扣5分。\n"
    )

    imported = import_document("细则.txt", text.encode()).scheme

    assert tree(imported) == [
        ("文电处理", "20"),
        ("信息工作", "0"),
        ("提案工作", "40"),
        ("提案工作", "办结时限", "20"),
        ("提案工作", "办理程序", "20"),
    ]
    assert "2、重要信息迟报的每次扣20分。" in leaf(imported, "信息工作")["criteria"]


def test_points_followed_by_notes_in_their_bracket_are_the_items_points():
    text = (
        "某服务中心窗口人员考核细则\n"
        "(一)工作纪律(15分,扣完为止,下同):\n"
        "1.迟到、早退的,每次扣1分;\n"
        "(二)服务质量(25分，不计负分)\n"
        "1.被群众有效投诉的,每次扣5分。\n"
    )

    assert imported_tree(text) == [("工作纪律", "15"), ("服务质量", "25")]


def test_a_numbering_printed_at_the_end_of_the_line_before_goes_with_its_own_line():
    text = (
        "某区安全生产考核评分标准\n"
        "一、责任落实(10分)\n"
        "(一)落实安全生产责任制 1.\n"
        "主要负责人未履行安全生产职责的,每少1项扣0.5分。 2.\n"
        "未签订安全生产责任书的扣2分。\n"
        "(二)隐患排查治理 1.\n"
        "重大隐患未按期整改的,每处扣1分。\n"
    )

    scheme = import_document("标准.txt", text.encode()).scheme

    assert [name for name, *_ in tree(scheme)] == ["责任落实"] * 3
    assert [path[1] for path in tree(scheme)[1:]] == ["落实安全生产责任制", "隐患排查治理"]
    item = leaf(scheme, "责任落实", "落实安全生产责任制")
    assert "2.未签订安全生产责任书的扣2分。" in item["criteria"]


def test_numbered_lines_stating_points_that_make_their_parts_are_its_items():
    text = (
        "某镇2024年消防安全工作考评细则\n"
        "一、组织保障(20分)\n"
        "1、成立消防安全委员会,有文件、有分工计8分。\n"
        "2、每半年召开一次消防工作会议记6分,未召开不计分。\n"
        "3、落实消防经费得6分,经费不足的扣3分。\n"
        "二、隐患整治(10分)\n"
        "1、按时完成隐患整改的得10分;\n"
        "2、逾期未整改的得5分。\n"
    )

    assert imported_tree(text) == [
        ("组织保障", "20"),
        ("组织保障", "成立消防安全委员会", "8"),
        ("组织保障", "每半年召开一次消防工作会议", "6"),
        ("组织保障", "落实消防经费", "6"),
        ("隐患整治", "10"),  # 10 and 5 are alternatives, not parts: the lines stay criteria
    ]
