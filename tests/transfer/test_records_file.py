"""The records file: CSV or xlsx with Chinese headers, row-level Chinese errors."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from kaohe.engine import FactsError
from kaohe.transfer.records import COLUMNS, read_records, records_to_rows

HEADER = ",".join(COLUMNS)


def write_csv(tmp_path: Path, *rows: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "records.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding=encoding)
    return path


def test_a_csv_row_becomes_a_record_with_its_row_number(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "办公室,1.2,chidao,3,,,,2024-03-05,2024-03,,三人迟到")
    [record] = read_records(path)
    assert (record.unit, record.indicator, record.rule) == ("办公室", "1.2", "chidao")
    assert record.count == 3
    assert record.date == datetime.date(2024, 3, 5)
    assert (record.period, record.note, record.source) == ("2024-03", "三人迟到", "第 2 行")


def test_columns_may_come_in_any_order_and_only_the_unit_is_required(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text("说明,数值,被考核单位\n及时率,96.5%,窗口科\n", encoding="utf-8")
    [record] = read_records(path)
    assert (record.unit, record.value, record.note) == ("窗口科", Decimal("0.965"), "及时率")


def test_a_bad_number_is_reported_with_row_and_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "甲,1,a,1", "乙,1,a,1", "丙,1,a,1", "丁,1,a,abc")
    with pytest.raises(FactsError) as caught:
        read_records(path)
    assert caught.value.problems == ("第 5 行「次数」列：'abc' 不是数字",)


def test_every_bad_row_is_reported_at_once(tmp_path: Path) -> None:
    path = write_csv(tmp_path, ",1,a", "乙,1,a,,,,,3月5日", "丙,1,a,,,,,,,0")
    with pytest.raises(FactsError) as caught:
        read_records(path)
    assert caught.value.problems == (
        "第 2 行「被考核单位」列：不能为空",
        "第 3 行「日期」列：'3月5日' 不是日期（应写作 2024-03-15）",
        "第 4 行「分摊」列：应为大于 0 的家数",
    )


def test_an_unknown_header_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    path.write_text("被考核单位,扣分\n甲,1\n", encoding="utf-8")
    with pytest.raises(FactsError, match="第 1 行：未知的列「扣分」"):
        read_records(path)


def test_a_file_saved_by_excel_in_gb18030_is_read(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "办公室,1.2,chidao,2", encoding="gb18030")
    assert read_records(path)[0].unit == "办公室"


def test_blank_rows_are_skipped(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "甲,1,a,1", ",,,,", "乙,1,a,2")
    assert [record.unit for record in read_records(path)] == ["甲", "乙"]


def test_an_xlsx_file_reads_like_the_csv_with_dates_and_numbers_as_cells(tmp_path: Path) -> None:
    path = tmp_path / "records.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    sheet.append(["审批科", "3", "biaozhang", 2, 1.5, "省级", "", datetime.datetime(2024, 3, 28)])
    workbook.save(path)
    [record] = read_records(path)
    assert (record.count, record.value, record.level) == (2, Decimal("1.5"), "省级")
    assert record.date == datetime.date(2024, 3, 28)


def test_a_file_that_is_not_xlsx_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "records.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(FactsError, match="不是有效的 xlsx 文件"):
        read_records(path)


def test_records_written_as_rows_read_back_the_same(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "办公室,1.2,chidao,3,0.5,市级,事项1,2024-03-05,2024-03,2,说明")
    records = read_records(path)
    again = tmp_path / "again.csv"
    again.write_text("\n".join(",".join(row) for row in records_to_rows(records)), encoding="utf-8")
    assert [r.count for r in read_records(again)] == [r.count for r in records]
    assert read_records(again)[0].share == 2
