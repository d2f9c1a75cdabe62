import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
import yaml
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from openpyxl import load_workbook

from kaohe.engine import load_scheme
from kaohe.transfer.exporters import export_scheme
from kaohe.transfer.importers import import_document, import_file
from kaohe.transfer.scheme_file import dump_scheme_data
from tests.transfer.documents import replace_part, tree, without_carried_scheme

SEEDS = Path(__file__).parents[1] / "data" / "import" / "seeds"
BUILT_IN = Path(__file__).parents[2] / "schemes"
IMPORTABLE_SEEDS = ("000", "002", "003", "004")


def seed_scheme(number: str) -> dict:
    return import_file(next(SEEDS.glob(f"{number}_*.txt"))).scheme


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
@pytest.mark.parametrize("number", IMPORTABLE_SEEDS)
def test_re_importing_an_export_gives_the_same_scheme(number, kind):
    scheme = seed_scheme(number)

    again = import_document(f"导出.{kind}", export_scheme(scheme, kind), scheme_id=scheme["id"])

    assert again.scheme == scheme


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
@pytest.mark.parametrize("number", IMPORTABLE_SEEDS)
def test_the_table_alone_gives_back_an_imported_scheme(number, kind):
    scheme = seed_scheme(number)
    table_only = without_carried_scheme(export_scheme(scheme, kind))

    again = import_document(f"导出.{kind}", table_only, scheme_id=scheme["id"])

    assert again.scheme == scheme


BUILT_IN_SCHEMES = sorted(path.stem for path in BUILT_IN.glob("*.yaml"))


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
@pytest.mark.parametrize("scheme_id", BUILT_IN_SCHEMES)
def test_a_hand_written_scheme_comes_back_exactly_formula_grades_and_rules_included(
    scheme_id, kind
):
    scheme = yaml.safe_load((BUILT_IN / f"{scheme_id}.yaml").read_text(encoding="utf-8"))

    again = import_document(f"导出.{kind}", export_scheme(scheme, kind))

    assert load_scheme(again.scheme) == load_scheme(scheme)
    assert again.scheme["id"] == scheme_id


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_without_the_carried_data_a_hand_written_scheme_keeps_its_tree_and_points(kind):
    scheme = yaml.safe_load((BUILT_IN / "zhangjiagang-sections.yaml").read_text(encoding="utf-8"))

    again = import_document(f"导出.{kind}", without_carried_scheme(export_scheme(scheme, kind)))

    assert tree(again.scheme) == [tuple(map(str, item)) for item in tree(scheme)]
    assert "formula" not in again.scheme


def test_criteria_edited_in_the_exported_table_are_read_afresh():
    scheme = yaml.safe_load((BUILT_IN / "zhangjiagang-sections.yaml").read_text(encoding="utf-8"))
    exported = export_scheme(scheme, "xlsx")
    book = load_workbook(io.BytesIO(exported))
    sheet = book.active
    cell = next(
        c for row in sheet.iter_rows() for c in row if c.value and "每项扣2分" in str(c.value)
    )
    cell.value = "每项扣3分。"
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer, "a") as package:  # as an editor that keeps kaohe's part
        package.writestr("kaohe/scheme.yaml", _carried_part(exported))
    edited = buffer.getvalue()

    again = import_document("改过.xlsx", edited)

    node = next(
        n
        for s in again.scheme["sections"]
        for g in s.get("children", [])
        for n in [g, *g.get("children", [])]
        if n.get("criteria") == "每项扣3分。"
    )
    assert [rule.get("amount") for rule in node["rules"]] == [Decimal(-3)]
    assert again.scheme["formula"] == scheme["formula"]


def test_a_carried_part_using_yaml_aliases_is_not_trusted():
    scheme = seed_scheme("004")
    exported = export_scheme(scheme, "xlsx")
    aliased = replace_part(
        exported, "kaohe/scheme.yaml", lambda data: data + b"\nx: &a [1]\ny: *a\n"
    )

    again = import_document("别名.xlsx", aliased)

    assert not any("导出时的方案数据" in note for note in again.report.notes)
    assert again.scheme["sections"] == scheme["sections"]


def _carried_part(package: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(package)).read("kaohe/scheme.yaml")


def test_the_workbook_prints_on_a4_landscape_with_the_header_on_every_page():
    sheet = load_workbook(io.BytesIO(export_scheme(seed_scheme("000"), "xlsx"))).active

    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.print_title_rows == "$2:$2"
    assert [cell.value for cell in sheet[2]][:4] == ["一级指标", "二级指标", "三级指标", "分值"]
    assert sheet["A2"].font.name == "黑体"
    assert sheet["E3"].font.name == "仿宋_GB2312"


def test_the_workbook_merges_a_group_over_its_rows():
    sheet = load_workbook(io.BytesIO(export_scheme(seed_scheme("004"), "xlsx"))).active

    merged = {str(area) for area in sheet.merged_cells.ranges}
    assert "A3:A8" in merged  # 日常考核 over its six leaves
    assert sheet["A3"].value.startswith("日常考核（90分）")


def test_text_beginning_with_an_equals_sign_is_exported_as_text_not_a_formula():
    scheme = {"name": "方案", "sections": [{"name": "=1+1", "points": 5, "kind": "scored"}]}

    sheet = load_workbook(io.BytesIO(export_scheme(scheme, "xlsx"))).active

    assert sheet["A3"].data_type == "s"
    assert sheet["A3"].value == "=1+1"


def test_the_document_is_a4_landscape_with_a_repeating_header_row_and_chinese_fonts():
    document = docx.Document(io.BytesIO(export_scheme(seed_scheme("000"), "docx")))

    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert round(section.page_width.cm, 1) == 29.7
    assert round(section.page_height.cm, 1) == 21.0
    header = document.tables[0].rows[0]._tr
    assert header.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    fonts = {f.get(qn("w:eastAsia")) for f in document.element.body.iter(qn("w:rFonts"))}
    assert {"黑体", "仿宋_GB2312"} <= fonts


def test_the_document_merges_group_cells_down_the_table():
    document = docx.Document(io.BytesIO(export_scheme(seed_scheme("004"), "docx")))
    table = document.tables[0]

    first_column = [table.cell(row, 0).text for row in range(1, 7)]
    assert len(set(first_column)) == 1
    assert first_column[0].startswith("日常考核（90分）")


def test_a_carried_part_nested_absurdly_deep_is_not_trusted():
    scheme = seed_scheme("004")
    deep = b"sections: " + b"[" * 5000 + b"]" * 5000 + b"\n"
    exported = replace_part(export_scheme(scheme, "docx"), "kaohe/scheme.yaml", lambda _: deep)

    again = import_document("深.docx", exported)

    assert again.scheme["sections"] == scheme["sections"]


def test_the_carried_part_is_json_which_any_yaml_reader_takes_too():
    scheme = seed_scheme("004")

    part = _carried_part(export_scheme(scheme, "xlsx")).decode("utf-8")

    assert json.loads(part)["sections"][0]["name"] == scheme["sections"][0]["name"]
    assert yaml.safe_load(part)["id"] == scheme["id"]


def test_an_export_carrying_block_yaml_as_earlier_versions_wrote_it_still_restores():
    scheme = yaml.safe_load((BUILT_IN / "zhangjiagang-sections.yaml").read_text(encoding="utf-8"))
    exported = replace_part(
        export_scheme(scheme, "docx"),
        "kaohe/scheme.yaml",
        lambda _: dump_scheme_data(scheme).encode("utf-8"),
    )

    again = import_document("旧版导出.docx", exported)

    assert any("导出时的方案数据" in note for note in again.report.notes)
    assert load_scheme(again.scheme) == load_scheme(scheme)


def test_numbers_in_the_carried_part_keep_every_digit():
    scheme = seed_scheme("004")
    _first_leaf(scheme)["rules"] = [
        {"id": "r", "kind": "per_occurrence", "amount": Decimal(-1) / Decimal(3)}
    ]

    again = import_document("导出.xlsx", export_scheme(scheme, "xlsx"), scheme_id=scheme["id"])

    assert _first_leaf(again.scheme)["rules"][0]["amount"] == Decimal(-1) / Decimal(3)


def _first_leaf(scheme: dict) -> dict:
    node = scheme["sections"][0]
    while node.get("children"):
        node = node["children"][0]
    return node


@pytest.mark.parametrize("depth", [41, 5000])
def test_a_carried_json_part_nested_absurdly_deep_is_not_trusted(depth):
    scheme = seed_scheme("004")
    deep = b'{"sections": ' + b"[" * depth + b"]" * depth + b"}"
    exported = replace_part(export_scheme(scheme, "xlsx"), "kaohe/scheme.yaml", lambda _: deep)

    again = import_document("深.xlsx", exported)

    assert not any("导出时的方案数据" in note for note in again.report.notes)
    assert again.scheme["sections"] == scheme["sections"]
