"""Layouts read by the cell stream: documents whatever their table or text shape become an
outline of indicators first. Each test is a small document written in the style of its class."""

from decimal import Decimal

import pytest

from kaohe.transfer.importers import import_document
from kaohe.transfer.importers.report import ImportReport
from kaohe.transfer.importers.stream import read_stream
from tests.transfer.documents import document, leaf, tree, workbook

# A table run together by PDF text: 考核要求 | 分值 | 评分细则, the points without their 分.
RUN_TOGETHER = (
    "某县河道管护工作考核评分细则\n"
    "考核项目考核要求分值评分细则基础工作(12分)制定管护方案;落实专人管护;建立管护经费。"
    "5每缺一项扣1分。设立河道公示牌,信息准确。3公示牌不规范的,每个扣0.5分。"
    "建立巡查台账,记录完整。4台账不全的,酌情扣分。\n"
)


def test_a_run_together_row_whose_points_lost_their_fen_becomes_an_item_named_by_its_first_clause():
    scheme = import_document("细则.txt", RUN_TOGETHER.encode()).scheme

    assert tree(scheme) == [
        ("基础工作", "12"),
        ("基础工作", "制定管护方案", "5"),
        ("基础工作", "设立河道公示牌", "3"),
        ("基础工作", "建立巡查台账", "4"),
    ]
    first = leaf(scheme, "基础工作", "制定管护方案")
    assert "制定管护方案;落实专人管护;建立管护经费。" in first["criteria"]
    assert "每缺一项扣1分。" in first["criteria"]  # the previous row's criteria stay apart
    assert "设立河道公示牌" not in first["criteria"]


def test_the_title_of_a_run_together_table_is_reported_not_read_as_an_indicator():
    imported = import_document("细则.txt", RUN_TOGETHER.encode())

    assert [node["name"] for node in imported.scheme["sections"]] == ["基础工作"]
    assert any("某县河道管护工作考核评分细则" in cell for cell in imported.report.cells_ignored)


def test_a_number_followed_by_a_counting_word_stays_in_its_sentence():
    text = (
        "考核项目|分值|评分标准\n"
        "隐患整改|10|发现隐患未整改的扣2分。3个月内仍未整改的,每处扣1分。\n"
        "应急演练|5|未开展演练的扣5分。\n"
    )

    scheme = import_document("表.txt", text.encode()).scheme

    assert tree(scheme) == [("隐患整改", "10"), ("应急演练", "5")]
    assert "3个月内仍未整改的,每处扣1分。" in leaf(scheme, "隐患整改")["criteria"]


def test_numbered_rows_each_with_a_requirement_points_and_criteria_are_siblings():
    text = (
        "安全生产(20分)\n"
        "1.成立安全生产领导小组,明确分管领导。\n8分\n未成立的扣4分;分工不明确的扣2分。\n"
        "2.每季度召开安全例会,研究部署工作。\n6分\n每少开1次扣1.5分。\n"
        "3.建立隐患排查台账。\n6分\n台账不全的酌情扣分。\n"
    )

    scheme = import_document("表.txt", text.encode()).scheme

    assert tree(scheme) == [
        ("安全生产", "20"),
        ("安全生产", "成立安全生产领导小组", "8"),
        ("安全生产", "每季度召开安全例会", "6"),
        ("安全生产", "建立隐患排查台账", "6"),
    ]
    criteria = leaf(scheme, "安全生产", "每季度召开安全例会")["criteria"]
    assert criteria == "每季度召开安全例会,研究部署工作。\n每少开1次扣1.5分。"


def test_page_furniture_above_a_pipe_table_is_reported_not_read():
    text = (
        "当前位置：首页 > 政务公开 > 通知公告\n"
        "发布时间：2023-03-01 信息来源：县政府办\n"
        "某县机关作风建设考核办法（试行）\n"
        "考核项目|分值|评分标准\n"
        "工作纪律|10|迟到早退的,每次扣0.5分。\n"
        "服务质量|10|被投诉查实的,每件扣2分。\n"
    )

    imported = import_document("办法.txt", text.encode())

    assert tree(imported.scheme) == [("工作纪律", "10"), ("服务质量", "10")]


def test_a_score_threshold_at_a_lines_start_stays_in_its_sentence():
    text = (
        "考核项目|分值|评分标准\n"
        "群众满意度|10|随机抽查群众,满意度在90分以上得满分,90分以下扣1分;\n"
        "80分以下扣5分。\n"
        "台账管理|5|台账不全的扣1分。\n"
        "信息报送|5|迟报的每次扣0.5分。\n"
    )
    scheme = import_document("细则.txt", text.encode()).scheme
    criteria = " ".join(node.get("criteria", "") for node in scheme["sections"])

    assert "80分以下扣5分" in criteria


def test_the_total_under_a_title_is_not_an_indicator_and_占n分_gives_an_items_points():
    text = (
        "某区督查工作考核细则\n"
        "(起评分100分)\n"
        "考核项目 | 考核细则\n"
        "督办事项 | 未按期反馈的每件扣10分\n"
        "领导评价 | 占20分\n"
        "会议活动 | 未按要求参加的每次扣5分\n"
    )
    scheme = import_document("细则.txt", text.encode()).scheme
    points = {node["name"]: node["points"] for node in scheme["sections"]}

    assert "未命名指标" not in points
    assert points["领导评价"] == 20


NEGATIVE_LIST = "\n\n".join(
    [
        "某市平安建设考核扣分清单",
        "类别",
        "具体项目内容",
        "一票否决事项",
        "发生重特大安全事故的,扣30分。",
        "群众安全感(本项限扣5分)",
        "1.安全感低于95%的,每降低1个百分点扣0.25分。",
        "2.知晓率低于全省平均的,每低1个百分点扣0.25分。",
        "暗访督查",
        "1.暗访发现问题的,每个问题点扣0.25分。",
    ]
)


def test_a_veto_heading_and_a_limited_item_over_numbered_criteria_are_siblings():
    scheme = import_document("清单.txt", NEGATIVE_LIST.encode()).scheme

    assert tree(scheme) == [("一票否决事项", "0"), ("群众安全感", "5"), ("暗访督查", "0")]


def test_a_table_run_into_one_line_is_cut_before_each_glued_serial():
    text = (
        "某街道城市管理督查扣分细则 分值序号扣分标准考评方式10分"
        "1巡查发现占道经营未及时整改的扣0.5分"
        "2被投诉噪音扰民问题未及时处理的扣1分"
        "3被投诉垃圾乱倒问题未及时清运的扣1分"
        "4网格员未按时上报事件的扣0.3分\n"
    )
    scheme = import_document("细则.txt", text.encode()).scheme
    rules = [rule for node in scheme["sections"] for rule in node.get("rules", [])]

    assert [rule["amount"] for rule in rules if not rule.get("flagged")] == [
        Decimal("-0.5"),
        Decimal(-1),
        Decimal(-1),
        Decimal("-0.3"),
    ]


def test_a_self_assessment_forms_title_and_header_run_into_its_first_item_are_cut_off_it():
    text = (
        "社区党组织星级评定自评表项目及分值评分要点评分办法自评纪实自评得分"
        "组织建设(20分)略班子不健全的扣5分;其他指标酌情扣分。"
        "阵地建设(10分)略无活动场所的扣10分;其他指标酌情扣分。\n"
    )
    imported = import_document("自评表.txt", text.encode())

    assert tree(imported.scheme) == [("组织建设", "20"), ("阵地建设", "10")]
    assert any("自评表" in cell for cell in imported.report.cells_ignored)


def test_the_next_numbered_line_of_an_items_criteria_stays_in_its_criteria():
    text = (
        "办理建议提案\n\n10\n\n"
        "1、在规定时限内办结的,每件加1分;\n\n"
        "2、答复意见未按规定格式报送\n\n"
        "信息报送\n\n5\n\n"
        "未按时报送的,每次扣0.5分。\n"
    )
    imported = import_document("细则.txt", text.encode())

    assert tree(imported.scheme) == [("办理建议提案", "10"), ("信息报送", "5")]
    criteria = leaf(imported.scheme, "办理建议提案")["criteria"]
    assert "2、答复意见未按规定格式报送" in criteria


def test_a_pipe_tables_header_in_traditional_script_is_skipped_not_read_as_indicators():
    text = (
        "某單位黨建考核細則\n"
        "項目 |\n考核內容及標準 |\n標準分(100分) |\n評分說明 |\n自查分 |\n"
        "一、組織生活20分 |\n"
        "按時召開組織生活會 |\n"
        "20分 |\n"
        "未按時召開的,每次扣5分;未形成記錄的扣2分。 |\n"
        " |\n"
    )
    imported = import_document("細則.txt", text.encode())

    assert tree(imported.scheme)[0] == ("組織生活", "20")
    names = [node["name"] for node in imported.scheme["sections"]]
    assert not {"標準分", "評分說明", "自查分", "考核內容及標準"} & set(names)


def test_names_and_units_written_two_characters_a_line_are_joined_but_a_broken_header_is_not():
    text = (
        "某局机关作风考核细则\n"
        "考核内容\n计分办法\n考核\n部门\n"  # 考核部门, broken over two lines
        "作\n风\n建\n设\n"
        "会风会纪\n"
        "无故缺席全局会议的,每人次扣0.5分\n"
        "机关\n党委\n(纪委)\n"
        "日常\n管理\n考核\n(10分)\n"
        "日常检查不合格的,每次扣1分\n"
    )
    scheme = import_document("细则.txt", text.encode()).scheme

    assert tree(scheme) == [
        ("作风建设", "10"),
        ("作风建设", "会风会纪", "0"),
        ("作风建设", "日常管理考核", "10"),
    ]
    assert leaf(scheme, "作风建设", "会风会纪")["assessor"] == "机关党委(纪委)"


def test_the_parts_about_the_assessment_are_reported_and_a_layout_part_gives_way_to_its_items():
    text = (
        "某镇宣传信息工作考核办法\n"
        "一、考核对象\n"
        "镇机关全体干部\n"
        "二、考核方式\n"
        "(一)扣分项目\n"
        "未按时报送信息的,每次扣1分\n"
        "(二)奖励项目\n"
        "信息被市级采用的,每篇加2分\n"
    )
    imported = import_document("办法.txt", text.encode())

    assert [path[0] for path in tree(imported.scheme)] == ["扣分项目", "奖励项目"]
    assert any("镇机关全体干部" in cell for cell in imported.report.cells_ignored)
    # the sentences an abandoned reading ignored are not counted against the one kept
    assert not any("含扣分/加分字样" in item for item in imported.report.pending)


SCORING_PARTS = (
    "某街道信息工作考核办法\n"
    "一、考核对象\n"
    "街道机关及所属站所干部\n"  # a plain line under 一、: it must not take 二、 under it
    "二、考核计分\n"
    "(一)扣分制度:结合季度考核,就报送的及时性进行考核。\n"
    "1.每季度未报送信息的,扣2分;\n"
    "(二)加分制度:就信息录用情况进行考核。\n"
    "1.信息被区级刊物录用的,每篇加1分;\n"
)


def test_headings_naming_a_part_of_the_scoring_open_it_whatever_their_sign():
    assert tree(import_document("办法.txt", SCORING_PARTS.encode()).scheme) == [
        ("考核计分", "0"),
        ("考核计分", "扣分制度", "0"),
        ("考核计分", "加分制度", "0"),
    ]


def test_in_a_stream_a_numbered_part_after_a_plain_line_is_not_nested_under_that_line():
    def paths(draft, above=()):
        for child in draft.children:
            yield (*above, child.name)
            yield from paths(child, (*above, child.name))

    root = read_stream(SCORING_PARTS, ImportReport("办法.txt", "text"))

    assert list(paths(root)) == [("考核计分",), ("考核计分", "扣分制度"), ("考核计分", "加分制度")]


def test_header_words_run_into_the_first_row_spaced_or_joined_by_及_are_cut_off_it():
    text = (
        "某乡党建工作考核评分表\n"
        "考评项目 及标准分 考评得分 备注 组织建设 (10分) 1、党委每季度研究党建工作,"
        "未研究的每次扣2分。 2、按时换届,未按时换届的扣4分。\n"
    )
    scheme = import_document("评分表.txt", text.encode()).scheme

    assert tree(scheme)[0] == ("组织建设", "10")


def test_a_rows_serial_glued_to_a_word_the_copy_masked_is_cut_off_its_name():
    text = (
        "某镇组织工作考核评分表\n"
        "项目及分值 评分标准 自评得分\n"
        "常规工作20分队伍建设20分1X组织书记全员轮训,学习计划详实。10基层X组织书记未参加轮训的,"
        "缺一人扣1分。2X员发展程序规范。10发展程序不规范的,每例扣2分。\n"
    )

    assert tree(import_document("评分表.txt", text.encode()).scheme) == [
        ("常规工作", "20"),
        ("常规工作", "队伍建设", "20"),
        ("常规工作", "队伍建设", "X组织书记全员轮训", "10"),
        ("常规工作", "队伍建设", "X员发展程序规范", "10"),
    ]


def test_a_numbered_pointed_heading_glued_to_the_row_before_it_opens_its_own_row():
    text = (
        "某市机关效能考核评分细则\n"
        "项目分值考核内容评分标准自评分考核分考核部门"
        "1、日常督查(30分)按要求参加会议和报送材料。每缺一次扣1分。市效能办"
        "2、投诉办理(20分)受理投诉按期办结。每超期一件扣0.5分。市效能办\n"
    )
    scheme = import_document("细则.txt", text.encode()).scheme

    assert tree(scheme) == [("日常督查", "30"), ("投诉办理", "20")]
    assert "每超期一件扣0.5分" in leaf(scheme, "投诉办理")["criteria"]


# A self-check form: 序号 | 检查内容 | 分值 | 评分办法, each part numbered 一、二 in the 序号
# column with its points, its rows numbered 1, 2 again under it.
SELF_CHECK_FORM = [
    ["序号", "检查内容", "分值", "评分办法"],
    ["一", "组织领导", "10分", None],
    ["1", "成立领导小组,明确分工,定期研究。", "6分", "未成立的,扣2分;未定期研究的,扣1分。"],
    ["2", "建立工作台账,记录完整。", "4分", "台账不全的,扣1分。"],
    ["二", "日常管理", "8分", None],
    ["1", "按时报送材料,内容准确。", "8分", "迟报的,每次扣1分。"],
]


@pytest.mark.parametrize("build, name", [(workbook, "表.xlsx"), (document, "表.docx")])
def test_parts_numbered_in_a_serial_column_head_the_rows_numbered_below_them(build, name):
    scheme = import_document(name, build(SELF_CHECK_FORM)).scheme

    assert tree(scheme) == [
        ("组织领导", "10"),
        ("组织领导", "成立领导小组", "6"),
        ("组织领导", "建立工作台账", "4"),
        ("日常管理", "8"),
        ("日常管理", "按时报送材料", "8"),
    ]
    assert "未定期研究的,扣1分。" in leaf(scheme, "组织领导", "成立领导小组")["criteria"]


def test_a_target_cells_numbered_sentences_and_a_method_list_stay_with_their_item():
    # 项目 | 目标 | 标准分 | 评分说明 | 评分方法, one cell a line: the target's (1)…(3) sentences
    # describe the item, the points follow, then the scoring, then the method again from (1).
    text = (
        "项目 |\n目标 |\n标准分 |\n评分说明 |\n评分方法 |\n"
        "一、班子建设20分 |\n"
        "1、加强理论学习 |\n"
        "(1)领导班子及其成员理想信念坚定,没有发生违反政治纪律、组织纪律的行为。\n"
        "(2)理论学习联系实际,效果明显。\n"
        "(3)建立了学习档案,设有学习秘书。\n"
        "8分 |\n"
        "(1)年初无学习计划,扣2分;\n"
        "(2)未设学习秘书的扣2分。\n"
        "(1)听取汇报、查阅档案;\n"
        "(2)开座谈会、问卷调查。 |\n"
        "2、落实民主集中制 |\n"
        "(1)领导班子及其成员贯彻落实上级决策部署,态度坚决,措施有力,没有各行其是的现象。\n"
        "(2)按时召开民主生活会,会前广泛征求意见,会上认真开展批评与自我批评。\n"
        "12分 |\n"
        "(1)未按时召开民主生活会的扣3分。\n"
    )

    scheme = import_document("细则.txt", text.encode()).scheme

    assert tree(scheme) == [
        ("班子建设", "20"),
        ("班子建设", "加强理论学习", "8"),
        ("班子建设", "落实民主集中制", "12"),
    ]
    criteria = leaf(scheme, "班子建设", "加强理论学习")["criteria"]
    assert "(3)建立了学习档案,设有学习秘书。" in criteria
    assert "(1)听取汇报、查阅档案;" in criteria


def test_a_table_copied_with_one_space_between_cells_is_cut_after_its_serials_and_sentences():
    text = (
        "某县2024年绩效考核扣分项目及标准\n"
        "序号 扣分内容 扣分标准 备注\n"
        "1 被考核单位未落实上级决定的。 不执行决定的每次扣5分,不按时完成的每次扣2分。"
        " 由督查局提供依据。\n"
        "2 被考核单位未按要求参加会议的。 无故缺席1次扣1分;迟到1次扣0.5分。 以签到表为准。\n"
    )
    imported = import_document("扣分标准.txt", text.encode())

    assert tree(imported.scheme) == [
        ("被考核单位未落实上级决定的", "0"),
        ("被考核单位未按要求参加会议的", "0"),
    ]
    meeting = leaf(imported.scheme, "被考核单位未按要求参加会议的")["criteria"]
    assert "无故缺席1次扣1分;迟到1次扣0.5分。" in meeting
    assert any("扣分项目及标准" in cell for cell in imported.report.cells_ignored)
