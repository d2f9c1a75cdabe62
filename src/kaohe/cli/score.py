"""`kaohe score SCHEME RECORDS`: score one cycle offline and print or save the results."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

from kaohe.cli import CommandError
from kaohe.engine import (
    PATH_SEPARATOR,
    CycleResult,
    EngineError,
    Facts,
    Scheme,
    UnitResult,
    compute,
)
from kaohe.engine.numbers import round_half_up, show

FORMATS = ("table", "json", "xlsx")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "score",
        help="按方案和考核记录计分",
        description="按方案文件和考核记录文件（CSV 或 xlsx）计算每个单位的得分、名次和等次。",
    )
    parser.add_argument("scheme", help="方案文件（YAML）")
    parser.add_argument("records", help="考核记录文件（CSV 或 xlsx）")
    parser.add_argument(
        "--facts", help="事实文件（YAML）：单位类别、不参加的指标、测评分、考核月份"
    )
    parser.add_argument("--format", choices=FORMATS, default="table", help="输出格式（默认 table）")
    parser.add_argument("--out", help="输出文件（xlsx 格式必填；其余默认输出到屏幕）")
    parser.add_argument("--explain", metavar="UNIT", help="逐项列出该单位每个得分的依据")
    parser.set_defaults(handler=run_score)


def run_score(args: argparse.Namespace) -> int:
    scheme, result = score_files(args.scheme, args.records, args.facts)
    if args.explain:
        write_text(explain_unit(scheme, result, args.explain), args.out)
    elif args.format == "json":
        write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n", args.out)
    elif args.format == "xlsx":
        if not args.out:
            raise CommandError("xlsx 格式需要用 --out 指定输出文件")
        from kaohe.transfer.records_results import write_results_xlsx

        write_results_xlsx(result, Path(args.out))
        print(f"已写入 {args.out}（{len(result.units)} 个单位）")
    else:
        write_text(results_table(scheme, result), args.out)
    return 0


def score_files(
    scheme_path: str, records_path: str, facts_path: str | None
) -> tuple[Scheme, CycleResult]:
    """Read the three files and compute; every engine error becomes a CommandError."""
    from kaohe.transfer.records import read_records
    from kaohe.transfer.records_facts import read_facts
    from kaohe.transfer.scheme_file import read_scheme

    for path in filter(None, (scheme_path, records_path, facts_path)):
        if not Path(path).is_file():
            raise CommandError(f"找不到文件「{path}」")
    try:
        scheme = read_scheme(scheme_path)
        records = read_records(records_path)
        facts = read_facts(facts_path, records) if facts_path else Facts.of(records)
        return scheme, compute(scheme, facts)
    except EngineError as error:
        raise CommandError(f"\n{error}") from error


def write_text(text: str, out: str | None) -> None:
    if out:
        Path(out).write_text(text, encoding="utf-8")
        print(f"已写入 {out}")
    else:
        sys.stdout.write(text)


def width(text: str) -> int:
    """Display width in a terminal: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def pad(text: str, size: int, right: bool = False) -> str:
    gap = " " * max(0, size - width(text))
    return gap + text if right else text + gap


def results_table(scheme: Scheme, result: CycleResult) -> str:
    header = ["名次", "单位", *(s.name for s in scheme.sections), "总分", "等次", "说明"]
    rows = [header] + [unit_row(scheme, unit) for unit in result.units.values()]
    sizes = [max(width(row[i]) for row in rows) for i in range(len(header))]
    numeric = set(range(2, len(header) - 2))
    lines = [
        "  ".join(pad(cell, sizes[i], i in numeric) for i, cell in enumerate(row)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * size for size in sizes))
    lines += [f"注意：{warning}" for unit in result.units.values() for warning in unit.warnings]
    return f"{scheme.name}\n" + "\n".join(lines) + "\n"


def unit_row(scheme: Scheme, unit: UnitResult) -> list[str]:
    sections = [str(round_half_up(unit.sections[s.name], scheme.decimals)) for s in scheme.sections]
    notes = "；".join(veto.explanation for veto in unit.vetoes)
    rank = "-" if unit.rank is None else str(unit.rank)
    return [rank, unit.unit, *sections, str(unit.total), unit.grade or "", notes]


def explain_unit(scheme: Scheme, result: CycleResult, name: str) -> str:
    unit = result.units.get(name)
    if unit is None:
        known = "、".join(result.units)
        raise CommandError(f"没有单位「{name}」（本次计分的单位：{known}）")
    rank = "无" if unit.rank is None else f"第 {unit.rank} 名"
    lines = [f"{unit.unit}：总分 {unit.total} 分，{rank}，等次 {unit.grade or '无'}"]
    lines += [f"  {text}" for text in unit.explanation]
    for path, node_result in unit.nodes.items():
        node = scheme.nodes[path]
        depth = path.count(PATH_SEPARATOR)
        indent = "  " * depth
        points = "" if node.points is None else f"（{show(node.points)} 分）"
        score = show(round_half_up(node_result.score, scheme.decimals))
        lines.append(f"{indent}{node.code} {node.name}{points}：{score} 分")
        lines += [f"{indent}    · {text}" for text in node_result.explanation]
    lines += [f"  注意：{warning}" for warning in unit.warnings]
    return "\n".join(lines) + "\n"
