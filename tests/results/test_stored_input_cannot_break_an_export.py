"""Stored input issue 15 found breaking exports for good — a control character in a record, a
slash in a cycle's name, a colon in a unit's name — and a unit named as a formula: each export
still opens, shows the text as it was typed (less the control character) and runs nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal
from io import BytesIO
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kaohe.accounts import actions as account_actions
from kaohe.accounts.models import Unit
from kaohe.cycles import actions as cycle_actions

FORMULA_UNIT = '=HYPERLINK("http://evil.example","点我")'
COLON_UNIT = "党建科:第一组"
CYCLE_NAME = "2026/Q4"


@pytest.fixture
def hostile(zhangjiagang_bureau: Any, django_capture_on_commit_callbacks: Any) -> Any:
    """A cycle named 2026/Q4 over units named as a formula and with a colon, a record of the
    first holding \\x01 in its note."""
    bureau = zhangjiagang_bureau
    units = [
        account_actions.create_unit(None, name=name, parent=bureau.bureau, kind=Unit.Kind.SECTION)
        for name in (FORMULA_UNIT, COLON_UNIT, "+cmd|' /C calc'!A0", "@SUM(1+1)")
    ]
    with django_capture_on_commit_callbacks(execute=True):
        bureau.cycle = cycle_actions.open_cycle(
            bureau.office,
            cycle_actions.CyclePlan(
                CYCLE_NAME,
                bureau.version,
                "quarter",
                datetime.date(2026, 10, 1),
                datetime.date(2026, 12, 31),
                [cycle_actions.UnitEntry(unit) for unit in units],
            ),
        )
        bureau.formula_unit = bureau.cycle.cycle_units.get(label=FORMULA_UNIT)
        cycle_actions.add_record(
            bureau.office,
            bureau.formula_unit,
            indicator="1.2",
            rule="st1",
            count=Decimal(2),
            note="迟到\x01两人次",
        )
    return bureau


def opened(response: Any) -> Any:
    assert response.status_code == 200
    return load_workbook(BytesIO(response.content)).active


def cells(sheet: Any) -> list[Any]:
    return [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]


def test_the_ranking_shows_a_formula_named_unit_as_text(hostile: Any, client: Any) -> None:
    client.force_login(hostile.office)

    sheet = opened(client.get(reverse("results:export_ranking", args=[hostile.cycle.pk])))

    units = {row[1].value: row[1] for row in sheet.iter_rows(min_row=4)}
    assert set(units) == {FORMULA_UNIT, COLON_UNIT, "+cmd|' /C calc'!A0", "@SUM(1+1)"}
    formulas = [units[name] for name in (FORMULA_UNIT, "+cmd|' /C calc'!A0", "@SUM(1+1)")]
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in formulas)
    assert not [cell for cell in cells(sheet) if cell.data_type == "f"]


def test_a_cycle_named_with_a_slash_names_the_sheet_in_full_width(
    hostile: Any, client: Any
) -> None:
    client.force_login(hostile.office)

    sheet = opened(client.get(reverse("results:export_ranking", args=[hostile.cycle.pk])))

    assert sheet.title == "2026／Q4考核结果排名表"
    assert sheet["A1"].value == "2026/Q4考核结果排名表"


def test_a_units_breakdown_drops_the_control_character_and_keeps_the_rest(
    hostile: Any, client: Any
) -> None:
    client.force_login(hostile.office)
    url = reverse("results:export_unit", args=[hostile.cycle.pk, hostile.formula_unit.pk])

    sheet = opened(client.get(url))

    texts = [cell.value for cell in cells(sheet) if isinstance(cell.value, str)]
    assert any("迟到两人次" in text for text in texts)
    assert not any("\x01" in text for text in texts)
    assert sheet["A1"].value == f"{CYCLE_NAME}{FORMULA_UNIT}考核得分明细"
    assert sheet["A1"].data_type == "s"
    assert len(sheet.title) <= 31 and not set(sheet.title) & set("[]:*?/\\")


def test_the_records_template_lists_the_units_as_text(hostile: Any, client: Any) -> None:
    client.force_login(hostile.office)

    response = client.get(reverse("cycles:records_template", args=[hostile.cycle.pk]))

    units = load_workbook(BytesIO(response.content))["被考核单位"]
    listed = {row[0].value: row[0] for row in units.iter_rows(min_row=2)}
    assert FORMULA_UNIT in listed and COLON_UNIT in listed
    assert listed[FORMULA_UNIT].data_type == "s"
