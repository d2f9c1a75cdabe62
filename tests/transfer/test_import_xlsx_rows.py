"""Office tables whose rows name themselves: a column headed by the standard worked to, requirements
written out as names, split standard headers, score and catalogue columns, rows cut short."""

from kaohe.transfer.importers import import_document
from kaohe.transfer.importers.drafts import Draft, named_by_first_clause
from tests.transfer.documents import document, leaf, tree, workbook


def test_a_column_headed_by_the_standard_worked_to_names_each_row():
    data = workbook(
        [
            ["序号", "达标标准", "分值", "扣分说明"],
            [1, "食堂持证经营,从业人员持健康证上岗", 10, "无证经营的扣10分;每缺1人健康证扣1分。"],
            [2, "留样制度落实", 5, "未按规定留样的,每次扣1分。"],
        ]
    )

    scheme = import_document("标准.xlsx", data).scheme

    assert tree(scheme) == [("食堂持证经营,从业人员持健康证上岗", "10"), ("留样制度落实", "5")]


def test_a_requirement_written_out_as_a_rows_name_is_named_by_its_first_clause():
    requirement = (
        "街道要把垃圾分类与社区治理紧密结合,建立分类督导员队伍,"
        "做到定时定点投放、桶边督导全覆盖。每月通报一次。"
    )
    data = workbook(
        [
            ["一级指标", "二级指标", "分值", "评分标准"],
            ["垃圾分类", requirement, 8, "未建立督导员队伍的扣3分;每少通报1次扣1分。"],
            [None, "分类设施完好", 4, "设施破损未修复的,每处扣0.5分。"],
        ],
        merges=[(2, 1, 3, 1)],
    )

    scheme = import_document("细则.xlsx", data).scheme

    assert tree(scheme) == [
        ("垃圾分类", "12"),
        ("垃圾分类", "街道要把垃圾分类与社区治理紧密结合", "8"),
        ("垃圾分类", "分类设施完好", "4"),
    ]
    item = leaf(scheme, "垃圾分类", "街道要把垃圾分类与社区治理紧密结合")
    assert "建立分类督导员队伍,做到定时定点投放、桶边督导全覆盖。每月通报一次" in item["criteria"]
    assert "每少通报1次扣1分" in item["criteria"]


def test_a_long_name_listing_its_parts_with_their_points_is_not_cut_as_a_requirement():
    name = "做好社区文化活动组织工作,3分;开展全民阅读推广活动,2分;配合做好图书流通点建设,2分"

    assert named_by_first_clause(Draft(name=name)).name == name


def test_a_long_name_that_ends_as_a_name_is_kept_whole():
    name = "统筹推进辖区老旧小区改造、背街小巷整治和口袋公园建设，持续改善居民生活环境质量（6分）"
    data = workbook([["考核项目", "评分标准"], [name, "每未完成1项，扣1分。"]])

    scheme = import_document("细则.xlsx", data).scheme

    assert tree(scheme) == [
        ("统筹推进辖区老旧小区改造、背街小巷整治和口袋公园建设，持续改善居民生活环境质量", "6")
    ]


def test_numbered_requirements_under_a_split_standard_header_are_items_with_their_own_points():
    data = workbook(
        [
            ["序号", "项目", "分值", "考核标准", None, "单项分值", "得分"],
            [1, "河道保洁", 12, "1.按要求落实河道保洁人员。", "未落实的,每处扣1分。", 6, None],
            [None, None, None, "2.及时清理河面漂浮物。", "每发现一处扣0.5分。", 6, None],
            [2, "水质监测", 8, "1.每月报送水质监测数据。", "迟报1次扣1分,扣完为止。", 8, None],
        ],
        merges=[(1, 4, 1, 5), (2, 1, 3, 1), (2, 2, 3, 2), (2, 3, 3, 3)],
    )

    scheme = import_document("细则.xlsx", data).scheme

    assert tree(scheme) == [
        ("河道保洁", "12"),
        ("河道保洁", "按要求落实河道保洁人员", "6"),
        ("河道保洁", "及时清理河面漂浮物", "6"),
        ("水质监测", "8"),
        ("水质监测", "每月报送水质监测数据", "8"),
    ]
    assert "每发现一处扣0.5分" in leaf(scheme, "河道保洁", "及时清理河面漂浮物")["criteria"]


def test_a_content_column_and_the_assessors_score_columns_read_as_a_plain_table():
    data = workbook(
        [
            ["序号", "内容", "标准分", "评分标准", "村自评分", "镇复核分", "市考核分"],
            [1, "保洁队伍配备到位", 10, "每少配1名保洁员扣1分。", None, None, None],
            [2, "垃圾日产日清", 8, "发现积存垃圾的,每处扣0.5分。", None, None, None],
        ]
    )

    scheme = import_document("评分表.xlsx", data).scheme

    assert tree(scheme) == [("保洁队伍配备到位", "10"), ("垃圾日产日清", "8")]


def test_the_documents_title_right_above_its_table_heads_no_group():
    data = document(
        [
            ["项目及分值", "考核细则"],
            ["安全防范(10分)", "未落实值班制度的扣2分。"],
            ["消防管理(5分)", "消防器材过期的,每处扣1分。"],
        ],
        before=["一、某市“平安市场”考核标准"],
    )

    scheme = import_document("标准.docx", data).scheme

    assert tree(scheme) == [("安全防范", "10"), ("消防管理", "5")]


def test_a_scoring_principle_column_holds_the_criteria_and_a_last_row_cut_short_stays_an_item():
    data = workbook(
        [
            ["类别", "项目", "考核内容", "标准分", "赋分原则"],
            ["一、队伍建设(60分)", "1、人员配备", "配齐专职网格员。", 30, "每缺1人扣5分。"],
            [None, "2、教育培训", "每季度组织一次业务培训。", 30, "少1次扣10分。"],
            ["二、工作成效(40分)", "3、矛盾纠纷化解", "矛盾纠纷化解率达95%以上。", None, None],
        ],
        merges=[(2, 1, 3, 1)],
    )

    scheme = import_document("标准.xlsx", data).scheme

    assert tree(scheme) == [
        ("队伍建设", "60"),
        ("队伍建设", "人员配备", "30"),
        ("队伍建设", "教育培训", "30"),
        ("工作成效", "40"),
        ("工作成效", "矛盾纠纷化解", "40"),  # its part's points, as its only item
    ]
    assert "每缺1人扣5分。" in leaf(scheme, "队伍建设", "人员配备")["criteria"]


def test_catalogue_levels_with_their_codes_and_a_deduction_elements_column():
    data = workbook(
        [
            ["公开事项", None, "内容要求", "扣分要素", "分值", "扣分原因"],
            ["一级目录", "二级目录", None, None, None, None],
            ["财政信息020000", "预算公开020100", "公开部门预算。", "未公开的扣10分。", 10, None],
            [None, "决算公开020200", "公开部门决算。", "未公开的扣10分。", 10, None],
        ],
        merges=[(1, 1, 1, 2), (1, 3, 2, 3), (1, 4, 2, 4), (1, 5, 2, 5), (1, 6, 2, 6), (3, 1, 4, 1)],
    )

    scheme = import_document("台账.xlsx", data).scheme

    assert tree(scheme) == [
        ("财政信息", "20"),
        ("财政信息", "预算公开", "10"),
        ("财政信息", "决算公开", "10"),
    ]


def test_a_short_name_alone_in_the_last_row_of_an_excerpt_is_an_indicator():
    data = workbook(
        [
            ["考核内容", "考核指标", "分值", "评分标准"],
            ["道路建设(6分)", "镇区主干道硬化", 3, "未硬化的不得分。"],
            [None, "路灯全覆盖", 3, "每缺一段扣0.5分。"],
            ["环境卫生(4分)", "垃圾清运及时", None, None],
        ],
        merges=[(2, 1, 3, 1)],
    )

    scheme = import_document("摘录.xlsx", data).scheme

    assert [path for path, *_ in tree(scheme)][-1] == "环境卫生"
    assert tree(scheme)[-1][:2] == ("环境卫生", "垃圾清运及时")


def test_a_project_merged_over_rows_with_their_own_points_heads_them_without_a_criteria_column():
    data = workbook(
        [
            ["考核项目", "考核内容", "标准分", "自评分"],
            [
                "班子建设(10分)",
                "1、坚持民主集中制,重大事项经班子集体研究决定,会议记录完整规范计6分。未经集体研究的扣2分。",
                "6分",
                None,
            ],
            [
                None,
                "2、100%完成年度党员发展任务,发展对象培养考察材料齐全规范计4分。每少发展1名扣2分。",
                "4分",
                None,
            ],
        ],
        merges=[(2, 1, 3, 1)],
    )

    scheme = import_document("计分表.xlsx", data).scheme

    assert tree(scheme) == [
        ("班子建设", "10"),
        ("班子建设", "坚持民主集中制", "6"),
        ("班子建设", "100%完成年度党员发展任务", "4"),
    ]
    first = leaf(scheme, "班子建设", "坚持民主集中制")
    assert "会议记录完整规范计6分。未经集体研究的扣2分" in first["criteria"]
