"""Import benchmark: a 500-indicator scheme as xlsx and as docx.

Importing each file (guards, parsing, tree building, rule reading, engine validation) is timed
against the least any importer of that format must do, measured in the same run: for xlsx,
openpyxl loading the workbook (target at most 3×); for docx, python-docx loading the document and
reading the text of every table cell (target at most 1×, as issue 11 set it; python-docx's bare
XML parse is printed beside it for context). Both files are written by kaohe's own exporters at
the start of the run.

Loading and importing are timed in alternating pairs, in CPU seconds of this process, each run
starting from a settled heap; the median of the pairs' ratios is reported. A neighbour slowing
the machine down then slows both sides of a pair alike.
"""

from __future__ import annotations

import gc
import io
import statistics
import time
import warnings
from collections.abc import Callable
from typing import Any

import docx
from openpyxl import load_workbook

from kaohe.transfer.exporters import export_scheme
from kaohe.transfer.importers import import_document

SECTIONS, GROUPS, LEAVES = 5, 10, 10  # 5 × 10 × 10 = 500 leaf indicators
PAIRS = 7
XLSX_TARGET = 3.0  # openpyxl loading the workbook: the least any xlsx import does
DOCX_TARGET = 1.0  # python-docx reading every table cell: the least any docx import does
CONTEXT_PAIRS = 3
CRITERIA = (
    "未按时报送工作计划的，每次扣1分；",
    "每发现一次扣0.5分，最多扣2分。",
    "每未完成1项，扣1分。",
    "发生安全事故，该项不得分。",
    "全年不少于两次，每少一次扣0.5分。",
)


def synthetic_scheme() -> dict[str, Any]:
    sections = []
    for s in range(SECTIONS):
        groups = []
        for g in range(GROUPS):
            leaves = [_leaf(s, g, i) for i in range(LEAVES)]
            groups.append({"name": f"分组{s}-{g}", "points": 20, "children": leaves})
        sections.append({"name": f"部分{s}", "points": 200, "children": groups})
    return {"format": "kaohe-scheme/1", "id": "bench", "name": "基准考核方案", "sections": sections}


def _leaf(s: int, g: int, i: int) -> dict[str, Any]:
    return {
        "name": f"指标{s}-{g}-{i}",
        "points": 2,
        "kind": "scored",
        # Distinct texts, as in a real document: nothing is read twice.
        "criteria": f"第{s}-{g}-{i}项：{CRITERIA[(s + g + i) % len(CRITERIA)]}",
        "assessor": "办公室",
        "owners": {"leaders": ["张正"], "units": ["质监站"], "persons": ["李敬旭"]},
    }


def _settle() -> None:
    """A full collection, then one allocation of a few KiB. glibc merges the small blocks a run
    freed (a parsed XML tree leaves ~10^5 of them) only at the next allocation of that size, so
    without this about 10 ms of one side's clean-up would land on whichever side runs next."""
    gc.collect()
    bytearray(64 * 1024)


def _timed(action: Callable[[], object]) -> float:
    _settle()
    started = time.process_time()
    action()
    return time.process_time() - started


def _compare(
    label: str,
    action: Callable[[], object],
    baseline: Callable[[], object],
    by: str,
    target: float | None,
    pairs: int = PAIRS,
) -> None:
    """Baseline and import in alternating pairs; the median of the pairs' ratios."""
    timed = [(_timed(baseline), _timed(action)) for _ in range(pairs)]
    ratio = statistics.median(measured / base for base, measured in timed)
    measured = statistics.median(measured for _, measured in timed)
    base = statistics.median(base for base, _ in timed)
    if target is None:
        verdict = f"（参考，非目标；{pairs} 组交替测量的中位数）"
    else:
        passed = "PASS" if ratio <= target else "MISS"
        verdict = f"（{pairs} 组交替测量的中位数；目标 ≤ {target:g}×） {passed}"
    print(
        f"导入 {label}（500 个指标）：{measured * 1000:.0f} ms；"
        f"{by}：{base * 1000:.0f} ms；比值 {ratio:.2f}×{verdict}",
        flush=True,
    )


def _load_workbook(data: bytes) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load_workbook(io.BytesIO(data)).close()


def _cell_texts(document: bytes) -> list[str]:
    """What any table import built on python-docx must do: load the file and read the text of
    every table cell."""
    doc = docx.Document(io.BytesIO(document))
    return [cell.text for table in doc.tables for row in table.rows for cell in row.cells]


def run() -> None:
    scheme = synthetic_scheme()
    workbook = export_scheme(scheme, "xlsx")
    document = export_scheme(scheme, "docx")
    imported = import_document("基准.xlsx", workbook)
    assert imported.report.indicator_count == 500 + SECTIONS + SECTIONS * GROUPS
    _compare(
        "xlsx",
        lambda: import_document("基准.xlsx", workbook),
        lambda: _load_workbook(workbook),
        "openpyxl 仅加载",
        XLSX_TARGET,
    )
    _compare(
        "docx",
        lambda: import_document("基准.docx", document),
        lambda: _cell_texts(document),
        "python-docx 加载并读出每个表格单元格文字",
        DOCX_TARGET,
        CONTEXT_PAIRS,
    )
    _compare(
        "docx",
        lambda: import_document("基准.docx", document),
        lambda: docx.Document(io.BytesIO(document)),
        "python-docx 仅解析 XML",
        None,
    )
