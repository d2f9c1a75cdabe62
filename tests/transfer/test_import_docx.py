from decimal import Decimal

import docx

from kaohe.transfer.importers import import_document
from tests.transfer.documents import add_table, document, leaf, outline_document, save, tree

HEADER = ["一级指标", "二级指标", "三级指标", "考核要点及评价标准", "责任科室"]


def test_a_docx_table_with_merged_cells_reads_as_a_tree():
    data = document(
        [
            HEADER,
            [
                "履行职责（55分）",
                "重点任务（15分）",
                "验收面积（8分）",
                "每减少1万平方米，扣1分。",
                "质监站",
            ],
            [None, None, "演练（7分）", "每未完成1项，扣1分。", "训练科"],
            [None, "主要职责（40分）", "信息化建设（40分）", "每未完成1项，扣1分。", "信保科"],
        ],
        merges=[(2, 1, 4, 1), (2, 2, 3, 2)],
        before=["市人防管理服务中心2024年度绩效考核标准"],
    )

    scheme = import_document("标准.docx", data).scheme

    assert scheme["name"] == "市人防管理服务中心2024年度绩效考核标准"
    assert tree(scheme) == [
        ("履行职责", "55"),
        ("履行职责", "重点任务", "15"),
        ("履行职责", "重点任务", "验收面积", "8"),
        ("履行职责", "重点任务", "演练", "7"),
        ("履行职责", "主要职责", "40"),
        ("履行职责", "主要职责", "信息化建设", "40"),
    ]
    assert leaf(scheme, "履行职责", "重点任务", "演练")["owners"] == {"units": ["训练科"]}


def test_a_cell_spanning_columns_counts_once():
    data = document(
        [HEADER, ["加分项", None, None, "获省级表彰的，最高加5分。", "各科室"]],
        merges=[(2, 1, 2, 3)],
    )

    node = import_document("t.docx", data).scheme["sections"][0]

    assert (node["name"], node["kind"], node["cap"]) == ("加分项", "bonus", Decimal(5))
    assert "children" not in node


def test_a_table_nested_in_a_cell_is_read_as_that_cells_text():
    doc = docx.Document()
    table = add_table(doc, [["考核项目", "分值", "考核标准"], ["保密工作", "2", None]])
    nested = table.cell(1, 2).add_table(rows=2, cols=1)
    nested.cell(0, 0).text = "失泄秘密文件的，扣0.5分"
    nested.cell(1, 0).text = "检查发现问题的，每次扣1分"

    imported = import_document("t.docx", save(doc))

    criteria = imported.scheme["sections"][0]["criteria"]
    assert "失泄秘密文件的，扣0.5分" in criteria
    assert "检查发现问题的，每次扣1分" in criteria
    assert any("嵌套表格" in note for note in imported.report.notes)


def test_a_table_continued_in_a_second_table_with_its_header_repeated_is_one_tree():
    doc = docx.Document()
    add_table(doc, [["考核项目", "分值"], ["信息报送", "5"]])
    doc.add_paragraph("（续表）")
    add_table(doc, [["考核项目", "分值"], ["档案工作", "2"]])

    scheme = import_document("t.docx", save(doc)).scheme

    assert tree(scheme) == [("信息报送", "5"), ("档案工作", "2")]


def test_a_document_without_a_table_is_read_as_a_numbered_outline():
    data = outline_document(
        [
            "张家港市行政审批局科室绩效考核细则",
            "第一条 日常考核(90分)。",
            "一、工作落实情况。(30分)",
            "1.未按时间节点落实年度重点任务目标的，每项扣2分;",
            "二、人员管理情况。(60分)",
            "1.迟到、早退，每人次扣0.5分;",
            "第二条 班子测评(10分)。",
        ]
    )

    scheme = import_document("细则.docx", data).scheme

    assert tree(scheme) == [
        ("日常考核", "90"),
        ("日常考核", "工作落实情况", "30"),
        ("日常考核", "人员管理情况", "60"),
        ("班子测评", "10"),
    ]
    assert "每人次扣0.5分" in leaf(scheme, "日常考核", "人员管理情况")["criteria"]


def test_a_numbered_paragraph_above_each_table_heads_that_tables_indicators():
    doc = docx.Document()
    doc.add_paragraph("某县安全生产考核细则")
    doc.add_paragraph("一、基础工作")
    add_table(doc, [["考核项目", "分值", "评分标准"], ["隐患排查", 10, "每缺1次扣2分"]])
    doc.add_paragraph("二、专项工作")
    add_table(doc, [["考核项目", "分值", "评分标准"], ["应急演练", 5, "未开展的扣5分"]])

    assert tree(import_document("细则.docx", save(doc)).scheme) == [
        ("基础工作", "10"),
        ("基础工作", "隐患排查", "10"),
        ("专项工作", "5"),
        ("专项工作", "应急演练", "5"),
    ]
