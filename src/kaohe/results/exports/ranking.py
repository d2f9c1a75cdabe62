from __future__ import annotations

from typing import Any

from kaohe.results.exports.layout import CENTRE, LEFT, add_row, new_sheet, number, to_bytes
from kaohe.results.presentation import ranking_headers, ranking_rows


def ranking_workbook(title: str, subtitle: str, data: dict[str, Any], sections: list[str]) -> bytes:
    """排名表: 名次, 单位, each section (in the scheme's order), 总分, 等次, 否决情况."""
    headers = ranking_headers(sections)
    widths = [8, 28, *[12] * len(sections), 12, 10, 24]
    book = new_sheet(title, subtitle, headers, widths)
    sheet = book.active
    aligns = [CENTRE, LEFT, *[CENTRE] * len(sections), CENTRE, CENTRE, LEFT]
    for row in ranking_rows(data, sections):
        values = [
            row["rank"] if row["rank"] is not None else "不排名",
            row["unit"],
            *[number(score) for score in row["sections"]],
            number(row["total"]),
            row["grade"],
            "、".join(row["vetoes"]),
        ]
        add_row(sheet, values, aligns)
    return to_bytes(book)
