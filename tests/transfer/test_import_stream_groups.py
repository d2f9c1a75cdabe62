"""One-cell-per-line streams whose parts carry their points: points on their own line, groups
nested three deep, rows above the header, scales and organisation parts around the table."""

import pytest

from kaohe.transfer.importers import import_document
from tests.transfer.documents import leaf, tree


@pytest.mark.parametrize("bracketed", ["(15分)", "15分)"])
def test_a_parts_points_on_their_own_line_head_rows_numbered_on_through_the_table(bracketed):
    text = (
        "考核项目及分值\n序号\n考核内容及要求\n标准分值\n评分标准及办法\n得分\n"
        f"思想建设\n{bracketed}\n"
        "1\n开展学习活动\n10\n未开展的扣2分。\n \n"
        "2\n推荐先进典型\n5\n每少1人扣0.5分。\n \n"
        f"理论武装\n{bracketed.replace('15', '10')}\n"
        "3\n组织中心组学习\n10\n每少1次扣1分。\n"
    )

    assert tree(import_document("细则.txt", text.encode()).scheme) == [
        ("思想建设", "15"),
        ("思想建设", "开展学习活动", "10"),
        ("思想建设", "推荐先进典型", "5"),
        ("理论武装", "10"),
        ("理论武装", "组织中心组学习", "10"),
    ]


def test_pointed_parts_over_groups_without_points_over_serial_rows_nest_three_deep():
    text = (
        "考核内容\n|\n考核指标\n|\n序号\n|\n考核要点\n|\n分值\n|\n评分标准\n|\n"
        "基础设施\n提升工程\n(5分)\n|\n构建交通网络\n|\n1\n|\n优化交通组织\n|\n2\n|\n"
        "交通组织不合理的扣1分\n|\n2\n|\n加快道路建设\n|\n1\n|\n未硬化道路的扣1分\n|\n"
        "完善配套设施\n|\n3\n|\n管线建设完善\n|\n2\n|\n管线不全的扣1分\n|\n"
        "公共服务\n提升工程\n(4分)\n|\n改善住房条件\n|\n4\n|\n危房改造\n|\n4\n|\n未完成改造的扣2分\n"
    )

    assert tree(import_document("细则.txt", text.encode()).scheme) == [
        ("基础设施提升工程", "5"),
        ("基础设施提升工程", "构建交通网络", "3"),
        ("基础设施提升工程", "构建交通网络", "优化交通组织", "2"),
        ("基础设施提升工程", "构建交通网络", "加快道路建设", "1"),
        ("基础设施提升工程", "完善配套设施", "2"),
        ("基础设施提升工程", "完善配套设施", "管线建设完善", "2"),
        ("公共服务提升工程", "4"),
        ("公共服务提升工程", "改善住房条件", "4"),
        ("公共服务提升工程", "改善住房条件", "危房改造", "4"),
    ]


def test_rows_above_the_header_from_the_tables_first_page_are_read_not_reported():
    text = (
        "七\n落实上级要求(10分)\n完成交办事项\n5\n未完成交办任务的一次扣2分。\n日常工作落实\n5\n"
        "附件3:\n某市部门应急管理工作考核评分标准\n"
        "序号\n项 目\n内 容\n标准分\n评 分 标 准\n"
        "一\n组织体系建设(10分)\n应急管理机构\n10\n未明确分管领导的扣2分。\n"
    )

    assert tree(import_document("细则.txt", text.encode()).scheme) == [
        ("落实上级要求", "10"),
        ("落实上级要求", "完成交办事项", "5"),
        ("落实上级要求", "日常工作落实", "5"),
        ("组织体系建设", "10"),
        ("组织体系建设", "应急管理机构", "10"),
    ]


def test_a_header_naming_the_standard_worked_to_is_a_header_not_a_group():
    text = (
        "文明村创建考核表\n序号\n创建标准\n分值\n赋分标准\n"
        "1\n村内道路整洁,无乱堆乱放。\n10\n每发现一处乱堆乱放扣1分。\n"
        "2\n村规民约健全并上墙公示。\n5\n未上墙公示的扣2分。\n"
    )

    scheme = import_document("考核表.txt", text.encode()).scheme

    assert tree(scheme) == [("村内道路整洁", "10"), ("村规民约健全并上墙公示", "5")]


def test_a_scale_written_under_the_title_opens_no_nameless_item():
    text = (
        "“文明集市”评比表\n(百分制计分,85分以上为达标)\n(120分制)\n序号\n考核内容\n分值\n扣分标准\n"
        "1\n摊位整齐,无占道经营。\n20\n每发现一处占道经营扣2分。\n"
        "2\n垃圾日产日清。\n10\n垃圾未清运的,每次扣1分。\n"
    )

    imported = import_document("评比表.txt", text.encode())

    assert tree(imported.scheme) == [("摊位整齐", "20"), ("垃圾日产日清", "10")]
    assert any("(120分制)" in cell for cell in imported.report.cells_ignored)


def test_a_group_named_after_the_header_keeps_its_points_printed_in_its_first_row():
    text = (
        "考核\n项目\n| 考核内容\n| 项目\n分值\n| 标准\n分值\n| 评分标准\n|\n"
        "管\n理\n类\n| 1、建立健全档案管理制度,专人负责。\n| 20分\n| 12\n"
        "| 制度健全的得12分;未建立的得0分。\n|\n"
        "2、按时报送年度统计报表。\n| 8\n| 按时报送的得8分;迟报的得4分。\n"
    )

    scheme = import_document("细则.txt", text.encode()).scheme

    assert tree(scheme) == [
        ("管理类", "20"),
        ("管理类", "建立健全档案管理制度,专人负责", "12"),
        ("管理类", "按时报送年度统计报表", "8"),
    ]


def test_the_parts_naming_the_assessments_organisation_after_the_table_head_no_indicators():
    text = (
        "窗口服务考评表\n考评项目\n分值\n评分标准\n"
        "服务规范\n20\n未按规定着装的,每人次扣0.5分。\n"
        "办事效率\n30\n超时办结的,每件扣1分。\n"
        "三、考评机构\n成立考评领导小组\n组长:局长\n成员:各科室负责人\n"
        "四、考评时间\n每季度考评一次\n"
    )

    scheme = import_document("考评表.txt", text.encode()).scheme

    assert tree(scheme) == [("服务规范", "20"), ("办事效率", "30")]


def test_a_short_requirement_after_an_items_points_is_what_the_item_asks():
    text = (
        "指标\n分值\n内容\n赋分标准\n"
        "信息畅通\n10分\n按要求报送信息和数据。\n每少报一次扣2分。\n"
        "群众投诉\n10分\n投诉件按时办结。\n每超时一件扣1分。\n"
    )

    scheme = import_document("赋分表.txt", text.encode()).scheme

    assert tree(scheme) == [("信息畅通", "10"), ("群众投诉", "10")]
    assert "按要求报送信息和数据。" in leaf(scheme, "信息畅通")["criteria"]


def test_a_groups_name_printed_again_at_a_pages_top_continues_the_group():
    text = (
        "评价指标 | 分值 | 评价标准 |\n"
        "前期工作 | 任务分解 (2分) | 按要求分解落实任务的,得2分;未完成的,不得分。 |\n"
        "审批备案 (2分) | 按时完成审批备案的,得2分;未按时完成的,不得分。 |\n"
        "建设 管理 | 工程质量 (5分) | 工程质量不合格的,每处扣1分。 |\n"
        "资金拨付 (3分) | 资金未按时拨付的,每次扣1分。 |\n"
        "建设 管理 | 档案管理 (2分) | 档案不全的,扣1分。 |\n"
    )

    assert tree(import_document("细则.txt", text.encode()).scheme) == [
        ("前期工作", "4"),
        ("前期工作", "任务分解", "2"),
        ("前期工作", "审批备案", "2"),
        ("建设 管理", "10"),
        ("建设 管理", "工程质量", "5"),
        ("建设 管理", "资金拨付", "3"),
        ("建设 管理", "档案管理", "2"),
    ]
