"""Writing a cycle's results to xlsx: a summary sheet and one row per item per unit."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from kaohe.engine import CycleResult
from kaohe.engine.numbers import round_half_up
from kaohe.transfer.written_text import put_row


def write_results_xlsx(result: CycleResult, path: Path) -> None:
    workbook = openpyxl.Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = "汇总"
    write_summary(result, summary)
    write_details(result, workbook.create_sheet("明细"))
    for sheet in workbook.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in sheet.iter_rows(min_row=2):
            row[-1].alignment = Alignment(wrap_text=True, vertical="top")
    workbook.save(path)


def write_summary(result: CycleResult, sheet: Worksheet) -> None:
    scheme = result.scheme
    sections = [section.name for section in scheme.sections]
    put_row(sheet, ["名次", "单位", *sections, "总分", "等次", "一票否决", "计算说明"])
    for unit in result.units.values():
        subtotals = [
            float(round_half_up(unit.sections[name], scheme.decimals)) for name in sections
        ]
        vetoes = "；".join(veto.explanation for veto in unit.vetoes)
        explanation = "\n".join(unit.explanation)
        put_row(
            sheet,
            [unit.rank, unit.unit, *subtotals, float(unit.total), unit.grade, vetoes, explanation],
        )


def write_details(result: CycleResult, sheet: Worksheet) -> None:
    scheme = result.scheme
    put_row(sheet, ["单位", "编号", "指标", "分值", "得分", "说明"])
    for unit in result.units.values():
        for node_path, node_result in unit.nodes.items():
            node = scheme.nodes[node_path]
            points = None if node.points is None else float(node.points)
            score = float(round_half_up(node_result.score, scheme.decimals))
            lines = "\n".join(node_result.explanation)
            put_row(sheet, [unit.unit, node.code, node_path, points, score, lines])
