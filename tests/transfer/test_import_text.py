from decimal import Decimal
from pathlib import Path

import pytest

from kaohe.transfer.importers import ImportRefused, import_document, import_file
from tests.transfer.documents import leaf, tree

SEEDS = Path(__file__).parents[1] / "data" / "import" / "seeds"


def seed(number: str) -> Path:
    return next(SEEDS.glob(f"{number}_*.txt"))


def test_a_tab_dump_of_a_word_table_reads_as_its_indicator_tree():
    text = (
        "\t一级指标\n\t二级指标\n\t考核要点及评价标准\n\t责任\n\n科室\n\n"
        "\t一、履行职责（55分）\n\t（一）重点任务（15分）\n\t每未完成1项，扣1分。\n\t训练科\n\n"
        "\t\n\t（二）主要职责（40分）\n\t每未完成1项，\n扣0.5分。\n\t办公室\n\n"
    )

    scheme = import_document("表.txt", text.encode()).scheme

    assert tree(scheme) == [
        ("履行职责", "55"),
        ("履行职责", "重点任务", "15"),
        ("履行职责", "主要职责", "40"),
    ]
    main = leaf(scheme, "履行职责", "主要职责")
    assert main["criteria"] == "每未完成1项，\n扣0.5分。"
    assert main["owners"] == {"units": ["办公室"]}


def test_a_row_split_by_a_blank_line_inside_a_cell_is_joined_again():
    text = (
        "\t项目\n\t考核内容\n\t考评单位\n\t责任科室\n\n"
        "\t依法办事（15分）\n\t做好提案办理。\n\t市委办\n市政府办\n\n\t各科室\n\n"
    )

    node = import_document("表.txt", text.encode()).scheme["sections"][0]

    assert node["assessor"] == "市委办、市政府办"
    assert node["owners"] == {"units": ["各科室"]}


def test_seed_000_imports_with_its_three_levels_owners_and_points():
    imported = import_file(seed("000"))
    scheme = imported.scheme

    sections = [(node["name"], node["points"]) for node in scheme["sections"]]
    assert sections[1:5] == [
        ("履行职责", Decimal(55)),
        ("综合测评", Decimal(20)),
        ("基础管理", Decimal(15)),
        ("写实考核", Decimal(10)),
    ]
    area = leaf(scheme, "履行职责", "重点任务", "人防工程质量监督竣工验收面积14万㎡")
    assert area["points"] == Decimal(8)
    assert area["owners"] == {"leaders": ["张正"], "units": ["质监站"], "persons": ["李敬旭"]}
    assert leaf(scheme, "综合测评", "服务对象评价")["owners"]["leaders"] == ["许峰", "张正"]
    assert imported.report.indicators_by_level[2] == 15


def test_seed_000_puts_the_note_under_the_table_among_the_ignored_cells():
    report = import_file(seed("000")).report

    assert any("备注：平时考核" in item for item in report.cells_ignored)


def test_seed_004_outline_imports_its_modules_and_their_assessors():
    scheme = import_file(seed("004")).scheme

    assert scheme["name"] == "张家港市行政审批局科室绩效考核细则"
    assert [(node["name"], node["points"]) for node in scheme["sections"][:2]] == [
        ("日常考核", Decimal(90)),
        ("班子测评", Decimal(10)),
    ]
    staff = leaf(scheme, "日常考核", "人员管理情况")
    assert staff["assessor"] == "人事教育科"
    assert "(负责考核科室" not in staff["criteria"]
    assert leaf(scheme, "综合加分")["kind"] == "bonus"


def test_seed_003_groups_the_items_left_from_its_lost_first_page():
    imported = import_file(seed("003"))

    first = imported.scheme["sections"][0]
    assert first["name"] == "一（原文缺页）"
    assert [child["name"] for child in first["children"]][:2] == [
        "服务经济发展",
        "联系帮扶镇乡街道、村工作",
    ]
    assert leaf(imported.scheme, "职能工作", "完成年度工作要点")["assessor"] == "市委办"
    assert any("原文缺页" in note for note in imported.report.notes)


def test_a_table_flattened_into_lines_under_each_sub_item_heading_becomes_its_items():
    text = "\n".join(
        [
            "三、作风建设(40分)",
            "(六)自身建设(每小项倒扣分2分)",
            "考核",
            "内容",
            "考核细则",
            "单位",
            "机构编制",
            "未经批准超职数配备干部的,各扣0.5分。",
            "编委办",
            "食品药品",
            "安全",
            "1.食品安全信息报送(0.5分)。",
            "未按要求上报食品安全信息的,每少1条扣0.05分。",
            "食品药品监管局",
            "老干部",
            "工作",
            "未明确分管领导和工作人员扣1分;",
            "老干部局",
            "(七)综合评议(15分)",
        ]
    )

    scheme = import_document("细则.txt", text.encode()).scheme

    own = leaf(scheme, "作风建设", "自身建设")
    assert [child["name"] for child in own["children"]] == [
        "机构编制",
        "食品药品安全",
        "老干部工作",
    ]
    staffing = leaf(scheme, "作风建设", "自身建设", "机构编制")
    assert (staffing["kind"], staffing["points"], staffing["assessor"]) == (
        "penalty",
        Decimal(2),
        "编委办",
    )
    food = leaf(scheme, "作风建设", "自身建设", "食品药品安全")
    assert food["children"][0]["kind"] == "penalty"
    assert food["children"][0]["points"] == Decimal("0.5")
    assert food["children"][0]["assessor"] == "食品药品监管局"  # handed down from the item
    assert [node["name"] for node in leaf(scheme, "作风建设")["children"]][-1] == "综合评议"


def test_seed_001_without_an_indicator_table_gives_its_weighted_parts_and_formula():
    imported = import_file(seed("001"))

    scheme = imported.scheme
    assert [s["name"] for s in scheme["sections"]] == ["指标考核", "公众评议", "察访核验"]
    assert scheme["formula"] == "0.7*指标考核 + 0.3*公众评议 + 察访核验"
    assert [s["points"] for s in scheme["sections"]] == [100, 100, 100]
    assert [s["rules"][0]["kind"] for s in scheme["sections"]] == [
        "manual",
        "evaluation",
        "discretionary",
    ]
    assert all(s["rules"][0]["flagged"] for s in scheme["sections"])
    assert imported.report.scheme_problems == []
    assert any("没有指标表" in note for note in imported.report.notes)


def test_prose_with_neither_a_table_nor_weights_is_refused_with_a_reason():
    with pytest.raises(ImportRefused, match="未在文件中找到考核指标"):
        import_document("说明.txt", "本办将认真开展绩效评估工作，具体办法另行通知。".encode())


def test_gb18030_text_is_read():
    text = "\t考核项目\n\t分值\n\n\t信息报送\n\t5\n\n" * 3

    node = import_document("表.txt", text.encode("gb18030")).scheme["sections"][0]

    assert node["name"] == "信息报送"


def test_grade_bands_written_as_prose_become_the_schemes_grades():
    text = "\n".join(
        [
            "一、日常考核(90分)",
            "二、班子测评(10分)",
            "三、等次确定。总得分在90分以上(含90分)的确定为优秀等次,得分在76—89分的为良;"
            "在60—75分的为一般;60分以下为差。",
        ]
    )

    imported = import_document("细则.txt", text.encode())

    assert [band["name"] for band in imported.scheme["grades"]] == ["优秀", "良", "一般", "差"]
    assert imported.scheme["grades"][0]["min"] == Decimal(90)
    assert imported.report.scheme_problems == []
    assert any("识别到等次" in note for note in imported.report.notes)


def test_a_numbered_line_read_as_criteria_becomes_an_item_when_its_sibling_opens_one():
    text = (
        "某县信访工作考核细则\n"
        "一、落实信访工作责任制(10分)。\n"
        "(1)党委会专题研究信访工作的,每次得1分,最多得6分。\n"
        "(2)领导接访包案(4分)。无接访记录的扣2分。\n"
    )
    scheme = import_document("细则.txt", text.encode()).scheme
    group = scheme["sections"][0]

    assert [child["name"] for child in group["children"]] == [
        "党委会专题研究信访工作的",
        "领导接访包案",
    ]
    assert group["children"][0]["rules"][0]["cap"] == Decimal(6)
