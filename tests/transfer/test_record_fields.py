"""The records file's columns are the record's fields, listed once in engine.RECORD_FIELDS."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from kaohe.engine import RECORD_FIELDS, Record
from kaohe.transfer.records import COLUMNS, read_records, records_to_rows


def test_the_columns_are_the_record_fields_labels_in_order() -> None:
    assert tuple(field.label for field in RECORD_FIELDS) == COLUMNS
    assert [field.name for field in RECORD_FIELDS] == [
        name for name in Record.__dataclass_fields__ if name != "source"
    ]


def test_every_field_survives_a_file_and_back(tmp_path: Path) -> None:
    record = Record(
        unit="办公室",
        indicator="1.2",
        rule="xinxi",
        count=Decimal(2),
        value=Decimal("97.5"),
        level="市级",
        incident="XX-1",
        period="2024-03",
        share=Decimal(3),
        note="合报信息",
    )
    path = tmp_path / "records.csv"
    path.write_text("\n".join(",".join(row) for row in records_to_rows([record])), encoding="utf-8")
    [again] = read_records(path)
    assert again == replace(record, source="第 2 行")
