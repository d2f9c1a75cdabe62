from __future__ import annotations

from typing import Any

from openpyxl.styles import Font

from kaohe.results.exports.layout import (
    BODY_FONT,
    CENTRE,
    LEFT,
    add_row,
    new_sheet,
    number,
    to_bytes,
)
from kaohe.results.presentation import BreakdownRow

INDENT = "　"  # a full-width space per level, as the documents indent their items


def unit_workbook(
    title: str, subtitle: str, rows: list[BreakdownRow], summary: dict[str, Any]
) -> bytes:
    """得分明细: the indicator tree with points, score, explanation and the records behind it."""
    headers = ["编号", "指标", "分值", "得分", "计分说明", "考核记录"]
    book = new_sheet(title, subtitle, headers, [10, 36, 9, 9, 60, 48])
    sheet = book.active
    aligns = [CENTRE, LEFT, CENTRE, CENTRE, LEFT, LEFT]
    for row in rows:
        values = [
            row.code,
            INDENT * row.depth + row.name,
            number(row.points),
            number(row.score) if row.applies else "不参加",
            "\n".join(row.explanation),
            "\n".join(record["text"] for record in row.records),
        ]
        written = add_row(sheet, values, aligns)
        if row.depth == 0:
            for cell in sheet[written]:
                cell.font = Font(name=BODY_FONT.name, size=BODY_FONT.size, bold=True)
    total_row = add_row(
        sheet,
        ["", "总分", None, number(summary["total"]), "\n".join(summary["explanation"]), ""],
        aligns,
    )
    for cell in sheet[total_row]:
        cell.font = Font(name=BODY_FONT.name, size=BODY_FONT.size, bold=True)
    add_row(
        sheet,
        ["", "名次 / 等次", None, summary["rank"], summary["grade"] or "", summary["vetoes"]],
        aligns,
    )
    return to_bytes(book)
