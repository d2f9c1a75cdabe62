"""Add/deduct tables that write only the amount in their standard column: 「受到通报批评的 | 15」.
Each test is a small document written in the style of its class."""

from decimal import Decimal

from kaohe.transfer.importers import import_document
from tests.transfer.documents import document, workbook

ROWS = [
    ["某县部门绩效考核加扣分事项表", None],
    ["加扣分事项", "加扣分标准"],
    ["被省政府通报表彰的", "2分,表彰分等次的按等次计"],
    ["被市委市政府通报批评的", 6],
    ["单位干部受到党纪政务处分的", 4],
    ["承办全市现场会的", 2],
    [None, None],
    ["说明:", None],
    ["1.以正式文件为准。", None],
]


def _by_name(scheme):
    return {node["name"]: node for node in scheme["sections"]}


def test_an_amount_alone_under_the_standard_column_deducts_it_once_for_a_bad_event():
    scheme = import_document("加扣分.xlsx", workbook(ROWS)).scheme
    node = _by_name(scheme)["被市委市政府通报批评的"]

    assert node["kind"] == "penalty"
    assert [(rule["kind"], rule["amount"], rule["cap"]) for rule in node["rules"]] == [
        ("per_occurrence", Decimal(-6), Decimal(6))
    ]
    assert node["criteria"] == "6"


def test_an_amount_alone_for_an_event_that_says_neither_way_is_flagged():
    scheme = import_document("加扣分.docx", document(ROWS)).scheme
    rule = _by_name(scheme)["承办全市现场会的"]["rules"][0]

    assert rule["flagged"] is True


def test_notes_after_说明_that_score_nothing_are_not_indicators():
    scheme = import_document("加扣分.xlsx", workbook(ROWS)).scheme

    assert "以正式文件为准" not in str([node["name"] for node in scheme["sections"]])


DUMPED = "\n\n".join(
    [
        "某县部门绩效考核加扣分事项表",
        "加扣分事项",
        "加扣分标准",
        "被省政府通报表彰的",
        "2分,表彰分等次的按等次计",
        "信息被省委办录用的",
        "每篇加0.5分,最多加2分",
        "被市委市政府通报批评的",
        "6",
        "因工作失职被上级约谈,或在全市大会上作检讨发言的单位及其主要负责同志",
        "3",
        "单位干部受到党纪政务处分的",
        "4",
        "完成年度招商引资任务,或未下达目标任务的单位引进5000万元以上工业项目、2亿元以上商贸物流项目",
        "签约达目标要求的加1分",
    ]
)


def test_a_dumped_add_deduct_table_reads_its_amounts_not_as_points():
    scheme = import_document("加扣分.txt", DUMPED.encode()).scheme
    nodes = _by_name(scheme)

    assert nodes["单位干部受到党纪政务处分的"]["rules"][0]["amount"] == Decimal(-4)
    assert nodes["被省政府通报表彰的"]["criteria"].startswith("2分,表彰分等次")


def test_a_long_event_after_a_complete_row_opens_the_next_row_named_by_its_first_clause():
    scheme = import_document("加扣分.txt", DUMPED.encode()).scheme
    nodes = _by_name(scheme)

    assert nodes["完成年度招商引资任务"]["criteria"].startswith("或未下达目标任务的单位")
    event = "因工作失职被上级约谈,或在全市大会上作检讨发言的单位及其主要负责同志"
    assert nodes[event]["rules"][0]["amount"] == Decimal(-3)  # short enough to stay a name
    assert "加扣分事项表" not in str(list(nodes))
