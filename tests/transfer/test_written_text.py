"""Every file kaohe writes takes hostile stored text: a control character is dropped, text that
Excel would run as a formula stays text, a sheet name takes what Excel refuses in full width."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
import pytest
from openpyxl import Workbook, load_workbook

from kaohe.cli import main
from kaohe.transfer.exporters import export_scheme
from kaohe.transfer.written_text import put, put_row, sheet_name

FORMULAS = [
    '=HYPERLINK("http://evil.example","点我")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "=1+1",
]


def reopened(book: Workbook) -> Workbook:
    buffer = io.BytesIO()
    book.save(buffer)
    return load_workbook(io.BytesIO(buffer.getvalue()))


@pytest.mark.parametrize("text", FORMULAS)
def test_text_excel_would_run_is_written_as_text(text):
    book = Workbook()
    put(book.active, 1, 1, text)
    put_row(book.active, [text, 1])

    sheet = reopened(book).active

    for cell in (sheet["A1"], sheet["A2"]):
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    assert sheet["B2"].value == 1


def test_control_characters_are_dropped_and_line_breaks_kept():
    book = Workbook()
    put(book.active, 1, 1, "迟到\x01两人次\x00\x1f\n\t第二行")

    assert reopened(book).active["A1"].value == "迟到两人次\n\t第二行"


@pytest.mark.parametrize(
    ("wanted", "named"),
    [
        ("2026/Q4考核结果排名表", "2026／Q4考核结果排名表"),
        ("党建科:第一组[甲]*?\\", "党建科：第一组［甲］＊？＼"),
        ("'引号'", "引号"),
        ("\x01", "工作表"),
        ("很" * 40, "很" * 31),
    ],
)
def test_a_sheet_name_is_one_excel_takes(wanted, named):
    book = Workbook()
    book.active.title = sheet_name(wanted)

    assert reopened(book).active.title == named


def hostile_scheme() -> dict:
    return {
        "format": "kaohe-scheme/1",
        "id": "hostile",
        "name": "方案\x01名称",
        "sections": [
            {
                "name": '=HYPERLINK("http://evil.example")',
                "points": 100,
                "children": [{"name": "工作\x02纪律", "points": 100, "criteria": "@SUM(1)"}],
            }
        ],
    }


def test_the_scheme_workbook_takes_hostile_names():
    sheet = load_workbook(io.BytesIO(export_scheme(hostile_scheme(), "xlsx"))).active

    values = {cell.value: cell for row in sheet.iter_rows() for cell in row if cell.value}
    assert "方案名称" in values and "工作纪律" in values
    assert values["@SUM(1)"].data_type == "s"
    assert not [cell for cell in values.values() if cell.data_type == "f"]


def test_the_scheme_document_takes_hostile_names():
    document = docx.Document(io.BytesIO(export_scheme(hostile_scheme(), "docx")))

    assert document.paragraphs[0].text == "方案名称"
    assert "工作纪律" in [cell.text for cell in document.tables[0].rows[1].cells]


def test_the_score_commands_workbook_takes_a_formula_named_unit(tmp_path: Path, capsys):
    scheme = tmp_path / "scheme.yaml"
    scheme.write_text(
        "format: kaohe-scheme/1\nid: t\nname: 测试\nsections:\n"
        "  - {name: 日常考核, points: 100, rules: [{id: late, kind: per_occurrence,"
        " label: 迟到, amount: -1}]}\n",
        encoding="utf-8",
    )
    records = tmp_path / "records.csv"
    records.write_text("被考核单位,指标,规则,次数\n=1+1,1,late,2\n", encoding="utf-8")
    out = tmp_path / "results.xlsx"

    assert main(["score", str(scheme), str(records), "--format", "xlsx", "--out", str(out)]) == 0

    summary = openpyxl.load_workbook(out)["汇总"]
    assert (summary["B2"].value, summary["B2"].data_type) == ("=1+1", "s")
