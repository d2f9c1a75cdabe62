"""Writing a cycle's results to xlsx: a summary sheet and one row per item per unit."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

from kaohe.engine import CycleResult
from kaohe.engine.numbers import round_half_up


def write_results_xlsx(result: CycleResult, path: Path) -> None:
    scheme = result.scheme
    workbook = openpyxl.Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = "汇总"
    sections = [section.name for section in scheme.sections]
    summary.append(["名次", "单位", *sections, "总分", "等次", "一票否决", "计算说明"])
    for unit in result.units.values():
        subtotals = [
            float(round_half_up(unit.sections[name], scheme.decimals)) for name in sections
        ]
        vetoes = "；".join(veto.explanation for veto in unit.vetoes)
        summary.append(
            [
                unit.rank,
                unit.unit,
                *subtotals,
                float(unit.total),
                unit.grade,
                vetoes,
                "\n".join(unit.explanation),
            ]
        )
    details = workbook.create_sheet("明细")
    details.append(["单位", "编号", "指标", "分值", "得分", "说明"])
    for unit in result.units.values():
        for node_path, node_result in unit.nodes.items():
            node = scheme.nodes[node_path]
            points = None if node.points is None else float(node.points)
            score = float(round_half_up(node_result.score, scheme.decimals))
            details.append(
                [unit.unit, node.code, node_path, points, score, "\n".join(node_result.explanation)]
            )
    for sheet in (summary, details):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in sheet.iter_rows(min_row=2):
            row[-1].alignment = Alignment(wrap_text=True, vertical="top")
    workbook.save(path)
