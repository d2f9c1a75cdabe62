from decimal import Decimal

import pytest

from kaohe.transfer.importers import ImportRefused, import_document
from tests.transfer.documents import leaf, tree, workbook

HEADER = ["一级指标", "二级指标", "分值", "考核要点及评价标准", "负责考核科室"]


def test_headers_are_found_by_name_whatever_their_order_and_position():
    data = workbook(
        [
            ["张家港市行政审批局科室绩效考核细则"],
            [],
            ["负责考核科室", "考核要点及评价标准", "标准分", "二级指标", "一级指标"],
            ["办公室", "每项扣2分", 15, "重点工作落实情况", "工作落实情况（30分）"],
            ["办公室", "每次扣1分", 15, "日常工作完成情况", None],
        ],
        merges=[(4, 5, 5, 5)],
    )

    scheme = import_document("细则.xlsx", data).scheme

    assert scheme["name"] == "张家港市行政审批局科室绩效考核细则"
    assert tree(scheme) == [
        ("工作落实情况", "30"),
        ("工作落实情况", "重点工作落实情况", "15"),
        ("工作落实情况", "日常工作完成情况", "15"),
    ]
    assert leaf(scheme, "工作落实情况", "重点工作落实情况")["assessor"] == "办公室"


@pytest.mark.parametrize(
    "headers",
    [
        ["考核项目", "考核内容", "分值", "评分标准", "考评单位"],
        ["指标名称", "工作要求", "满分", "考核标准", "考核单位"],
        ["一级指标", "年度工作目标", "标准分", "扣分标准", "市直考评单位"],
        ["考核项目", "考核内容", "分值", "赋分标准", "考评单位"],
        ["指标名称", "工作要求", "满分", "打分方法", "考核单位"],
    ],
)
def test_common_header_variants_are_understood(headers):
    data = workbook([headers, ["信息报送", "按时报送", 5, "每少一篇扣0.2分", "市委办"]])

    node = import_document("表.xlsx", data).scheme["sections"][0]

    assert node["name"] == "信息报送"
    assert node["points"] == Decimal(5)
    assert node["assessor"] == "市委办"
    assert "每少一篇扣0.2分" in node["criteria"]


def test_vertically_merged_hierarchy_cells_group_the_rows_below_them():
    data = workbook(
        [
            HEADER,
            ["履行职责（55分）", "重点任务（15分）", None, None, None],
            [None, "主要职责（40分）", None, None, None],
        ],
        merges=[(2, 1, 3, 1)],
    )

    assert tree(import_document("t.xlsx", data).scheme) == [
        ("履行职责", "55"),
        ("履行职责", "重点任务", "15"),
        ("履行职责", "主要职责", "40"),
    ]


def test_a_leaf_merged_across_the_deeper_hierarchy_columns_stays_at_its_level():
    data = workbook(
        [
            ["一级指标", "二级指标", "三级指标", "分值"],
            ["履行职责", "重点任务", "验收面积", 8],
            ["加分项", None, None, "加分最高5"],
        ],
        merges=[(3, 1, 3, 3)],
    )

    scheme = import_document("t.xlsx", data).scheme

    bonus = leaf(scheme, "加分项")
    assert (bonus["kind"], bonus["cap"], "children" in bonus) == ("bonus", Decimal(5), False)
    assert [path[:-1] for path in tree(scheme)][:3] == [
        ("履行职责",),
        ("履行职责", "重点任务"),
        ("履行职责", "重点任务", "验收面积"),
    ]


def test_a_two_row_header_takes_the_names_under_a_merged_heading():
    data = workbook(
        [
            ["一级指标", "考核要点及评价标准", "分工", None, None],
            [None, None, "领导", "责任科室", "责任人"],
            ["安全生产（6分）", "发生安全事故，该项不得分。", "张  正", "安全科", "张天鑫"],
        ],
        merges=[(1, 3, 1, 5), (1, 1, 2, 1), (1, 2, 2, 2)],
    )

    node = import_document("分工.xlsx", data).scheme["sections"][0]

    assert node["owners"] == {"leaders": ["张正"], "units": ["安全科"], "persons": ["张天鑫"]}
    assert node["points"] == Decimal(6)


def test_points_written_inside_names_are_taken_out_of_the_name():
    data = workbook([["一级指标", "二级指标"], ["综合测评（20分）", "举办单位评价（5）"]])

    assert tree(import_document("t.xlsx", data).scheme) == [
        ("综合测评", "20"),
        ("综合测评", "举办单位评价", "5"),
    ]


def test_numbers_stored_as_numbers_read_as_points():
    data = workbook([["考核项目", "分值"], ["信息报送", 0.5], ["档案工作", 2.0]])

    points = [node["points"] for node in import_document("t.xlsx", data).scheme["sections"]]

    assert points == [Decimal("0.5"), Decimal(2)]


def test_the_first_sheet_with_an_indicator_table_is_imported_and_the_others_named():
    import io

    from openpyxl import Workbook

    book = Workbook()
    cover = book.active
    cover.title = "说明"
    cover.append(["本表由督查科维护"])
    table = book.create_sheet("指标")
    table.append(["考核项目", "分值"])
    table.append(["信息报送", 5])
    buffer = io.BytesIO()
    book.save(buffer)

    imported = import_document("t.xlsx", buffer.getvalue())

    assert imported.scheme["sections"][0]["name"] == "信息报送"
    assert any("说明" in note for note in imported.report.notes)


def test_a_workbook_without_an_indicator_table_is_refused_in_chinese():
    data = workbook([["姓名", "电话"], ["张三", "123"]])

    with pytest.raises(ImportRefused, match="未在文件中找到考核指标"):
        import_document("通讯录.xlsx", data)


def test_without_an_indicator_column_the_content_column_names_the_items():
    data = workbook([["考核内容", "分值", "评分标准"], ["信息报送", 5, "每少一篇扣0.2分"]])

    node = import_document("t.xlsx", data).scheme["sections"][0]

    assert (node["name"], node["points"], node["criteria"]) == (
        "信息报送",
        Decimal(5),
        "每少一篇扣0.2分",
    )


def test_a_sequence_number_column_is_understood_and_not_reported_as_ignored():
    data = workbook([["序号", "考核项目", "分值"], [1, "信息报送", 5], [2, "档案工作", 2]])

    imported = import_document("t.xlsx", data)

    assert [node["name"] for node in imported.scheme["sections"]] == ["信息报送", "档案工作"]
    assert imported.report.cells_ignored == []


def test_a_points_header_carrying_the_tables_total_is_still_the_points_column():
    data = workbook(
        [
            ["考核项目", "基础分值\n100分", "考核标准"],
            ["落实重大决策", "60", "未按期办结的，每件扣1分。"],
            ["落实领导批示", "40", "未按期反馈的，每件扣1分。"],
        ]
    )

    points = [node["points"] for node in import_document("t.xlsx", data).scheme["sections"]]

    assert points == [Decimal(60), Decimal(40)]


def test_headers_written_in_traditional_script_are_understood():
    data = workbook(
        [
            ["考核項目", "標準分", "評分說明"],
            ["信息報送", 5, "每少一篇扣0.2分"],
            ["檔案管理", 3, "未按時歸檔的,每次扣1分"],
        ]
    )

    scheme = import_document("表.xlsx", data).scheme

    assert tree(scheme) == [("信息報送", "5"), ("檔案管理", "3")]
    assert "每少一篇扣0.2分" in leaf(scheme, "信息報送")["criteria"]


def test_a_name_with_its_points_written_bare_after_it_gives_its_points():
    data = workbook(
        [
            ["考核项目", "二级指标", "分值", "评分标准"],
            ["一、组织建设20分", "班子建设", 12, "未按期换届的扣6分"],
            [None, "阵地建设", 8, "无固定活动场所的扣4分"],
            ["二、作风建设 占10分", "会风会纪", 10, "迟到早退的,每人次扣1分"],
        ],
        merges=[(2, 1, 3, 1)],
    )

    assert tree(import_document("表.xlsx", data).scheme) == [
        ("组织建设", "20"),
        ("组织建设", "班子建设", "12"),
        ("组织建设", "阵地建设", "8"),
        ("作风建设", "10"),
        ("作风建设", "会风会纪", "10"),
    ]


def test_a_target_column_numbered_like_outline_items_names_the_items_below_the_first_column():
    data = workbook(
        [
            ["项目", "目标", "考核内容", "分值", "评分说明"],
            ["一、学习制度（10分）", "1、理论学习有计划", "年初订计划", 6, "无计划的扣3分"],
            [None, "2、学习记录完整", "每次学习有记录", 4, "缺一次记录扣1分"],
        ],
        merges=[(2, 1, 3, 1)],
    )

    scheme = import_document("表.xlsx", data).scheme

    assert tree(scheme) == [
        ("学习制度", "10"),
        ("学习制度", "理论学习有计划", "6"),
        ("学习制度", "学习记录完整", "4"),
    ]
    assert "无计划的扣3分" in leaf(scheme, "学习制度", "理论学习有计划")["criteria"]


def test_a_numbered_name_above_the_header_heads_the_tables_indicators():
    data = workbook(
        [
            ["某区信访工作考核细则"],
            ["一、业务工作指标"],
            ["一级指标", "二级指标", "分值", "评分标准"],
            ["办理质量（30分）", "及时受理", 10, "每超期1件扣1分"],
            [None, "按期办结", 20, "每超期1件扣2分"],
        ],
        merges=[(4, 1, 5, 1)],
    )

    imported = import_document("细则.xlsx", data)

    assert imported.scheme["name"] == "某区信访工作考核细则"
    assert tree(imported.scheme) == [
        ("业务工作指标", "30"),  # its points: its items' sum
        ("业务工作指标", "办理质量", "30"),
        ("业务工作指标", "办理质量", "及时受理", "10"),
        ("业务工作指标", "办理质量", "按期办结", "20"),
    ]


def test_a_numbered_line_naming_the_documents_layout_above_the_header_heads_nothing():
    data = workbook(
        [
            ["一、考核内容及评分标准"],
            ["考核项目", "分值", "评分标准"],
            ["及时受理", 10, "每超期1件扣1分"],
        ]
    )

    assert tree(import_document("细则.xlsx", data).scheme) == [("及时受理", "10")]


def test_numbered_content_cells_with_their_points_are_items_under_the_merged_project():
    data = workbook(
        [
            ["项目", "分值", "考核内容", "扣分标准"],
            ["来信办理", 20, "1、交办件按期办结率达95%以上(12分)", "不达标的扣12分"],
            [None, None, "2、台账完整,报送及时(8分)", "缺一项扣2分"],
            ["基础建设", 10, "1、制度健全,有专人负责(10分)", "缺一项扣5分"],
        ],
        merges=[(2, 1, 3, 1), (2, 2, 3, 2)],
    )

    scheme = import_document("表.xlsx", data).scheme

    assert tree(scheme) == [
        ("来信办理", "20"),
        ("来信办理", "交办件按期办结率", "12"),
        ("来信办理", "台账完整,报送及时", "8"),
        ("基础建设", "10"),
        ("基础建设", "制度健全,有专人负责", "10"),
    ]
    rate = leaf(scheme, "来信办理", "交办件按期办结率")
    assert "交办件按期办结率达95%以上" in rate["criteria"]  # the target stays as written
    assert "不达标的扣12分" in rate["criteria"]


def test_a_rate_named_with_its_target_in_an_unnumbered_indicator_cell_keeps_its_whole_name():
    data = workbook(
        [
            ["一级指标", "二级指标", "分值", "考核要点及评价标准"],
            ["信访工作", "交办件按期办结率达95%以上", 10, "不达标的扣10分"],
        ]
    )

    assert tree(import_document("表.xlsx", data).scheme) == [
        ("信访工作", "10"),
        ("信访工作", "交办件按期办结率达95%以上", "10"),
    ]


def test_score_columns_beside_a_two_row_header_leave_the_level_names_in_the_header():
    data = workbook(
        [
            ["考核项目", None, "分值", "得分", None, "评分标准"],
            ["一级指标", "二级指标", None, "自评分", "考评分", None],
            ["队伍建设（6分）", "人员培训", "4分", None, None, "未开展培训的扣2分。"],
            [None, "制度建设", "2分", None, None, "制度不全的扣1分。"],
        ],
        merges=[(1, 1, 1, 2), (1, 3, 2, 3), (1, 4, 1, 5), (1, 6, 2, 6), (3, 1, 4, 1)],
    )

    scheme = import_document("评分表.xlsx", data).scheme

    assert tree(scheme) == [
        ("队伍建设", "6"),
        ("队伍建设", "人员培训", "4"),
        ("队伍建设", "制度建设", "2"),
    ]


def test_a_content_column_left_of_the_indicators_names_the_parts_they_belong_to():
    data = workbook(
        [
            ["考核内容", "考核指标", "分值", "评分标准"],
            ["环境整治（5分）", "垃圾清运及时", "3", "发现一处积存扣0.5分。"],
            [None, "设施完好", "2", "设施损坏未修复的扣1分。"],
        ],
        merges=[(2, 1, 3, 1)],
    )

    scheme = import_document("细则.xlsx", data).scheme

    assert tree(scheme) == [
        ("环境整治", "5"),
        ("环境整治", "垃圾清运及时", "3"),
        ("环境整治", "设施完好", "2"),
    ]
    assert leaf(scheme, "环境整治", "设施完好")["criteria"] == "设施损坏未修复的扣1分。"


def test_a_content_and_points_column_beside_a_criteria_column_headed_with_two_words():
    data = workbook(
        [
            ["序号", "具体工作内容和分值", "考核评分标准", "科室"],
            ["1", "做好安全检查。(2分)", "检查不到位的每起扣1分。", "执法室"],
            ["2", "推进电子政务建设。(4分)", "未按要求完成的,每例扣0.5分。", "执法室"],
        ]
    )

    scheme = import_document("细则.xlsx", data).scheme

    assert tree(scheme) == [("做好安全检查", "2"), ("推进电子政务建设", "4")]
    assert leaf(scheme, "推进电子政务建设")["criteria"] == "未按要求完成的,每例扣0.5分。"


def test_header_names_joined_by_ji_name_the_project_content_points_and_criteria_columns():
    data = workbook(
        [
            ["考核项目及分值", "序号", "考核内容及要求", "标准分值", "评分标准及办法", "得分"],
            ["理论武装（10分）", "1", "组织中心组学习", "6", "每少学习1次扣1分。", None],
            [None, "2", "开展理论宣讲", "4", "未开展宣讲的扣4分。", None],
        ],
        merges=[(2, 1, 3, 1)],
    )

    scheme = import_document("细则.xlsx", data).scheme

    assert tree(scheme) == [
        ("理论武装", "10"),
        ("理论武装", "组织中心组学习", "6"),
        ("理论武装", "开展理论宣讲", "4"),
    ]
    assert leaf(scheme, "理论武装", "开展理论宣讲")["criteria"] == "未开展宣讲的扣4分。"


def test_content_cells_with_their_own_points_under_a_merged_project_in_known_columns():
    data = workbook(
        [
            ["考核项目", "序号", "考核内容", "分值", "评分标准"],
            ["理论武装（10分）", "1", "组织中心组学习", "6", "每少学习1次扣1分。"],
            [None, "2", "开展理论宣讲", "4", "未开展宣讲的扣4分。"],
        ],
        merges=[(2, 1, 3, 1)],
    )

    assert tree(import_document("细则.xlsx", data).scheme) == [
        ("理论武装", "10"),
        ("理论武装", "组织中心组学习", "6"),
        ("理论武装", "开展理论宣讲", "4"),
    ]


def test_short_key_points_before_the_points_beside_a_criteria_column_name_the_items():
    data = workbook(
        [
            ["考核指标", "序号", "考核要点", "分值", "评分标准"],
            ["垃圾治理", "1", "垃圾清运及时", "3", "发现一处积存扣0.5分。"],
            [None, "2", "设施完好", "2", "设施损坏未修复的扣1分。"],
        ],
        merges=[(2, 1, 3, 1)],
    )

    scheme = import_document("细则.xlsx", data).scheme

    assert tree(scheme) == [
        ("垃圾治理", "5"),
        ("垃圾治理", "垃圾清运及时", "3"),
        ("垃圾治理", "设施完好", "2"),
    ]
    assert leaf(scheme, "垃圾治理", "设施完好")["criteria"] == "设施损坏未修复的扣1分。"
