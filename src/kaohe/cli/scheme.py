"""`kaohe scheme check SCHEME`: print the indicator tree with points and rule kinds, and every
problem found. IMPORT's sub-commands (import, export, agreement) hang under the same command."""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from kaohe.cli import CommandError
from kaohe.engine import Node, Rule, Scheme, SchemeError, rule_kinds, scheme_notes
from kaohe.engine.numbers import show


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "scheme",
        help="方案：检查、导入、导出",
        description="考核方案相关命令",
    )
    scheme_subparsers = parser.add_subparsers(dest="scheme_command", metavar="子命令")
    check = scheme_subparsers.add_parser(
        "check",
        help="检查方案文件并列出指标树",
        description="检查方案文件，列出指标树、分值与规则类型，以及发现的所有问题。",
    )
    check.add_argument("scheme", help="方案文件（YAML）")
    check.set_defaults(handler=run_check)
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)
    try:
        importing = importlib.import_module("kaohe.cli.scheme_import")
    except ModuleNotFoundError as error:
        if error.name != "kaohe.cli.scheme_import":
            raise
    else:
        importing.add_commands(scheme_subparsers)


def run_check(args: argparse.Namespace) -> int:
    from kaohe.transfer.scheme_file import read_scheme

    try:
        scheme = read_scheme(args.scheme)
    except SchemeError as error:
        count = len(error.problems)
        raise CommandError(
            f"方案文件「{args.scheme}」有 {count} 个问题：\n"
            + "\n".join(f"  {index}. {problem}" for index, problem in enumerate(error.problems, 1))
        ) from error
    print(scheme_tree(scheme))
    notes = scheme_notes(scheme)
    for note in notes:
        print(f"提示：{note}")
    summary = f"检查通过：{len(scheme.nodes)} 个指标，{len(scheme.rules)} 条规则"
    print(summary + (f"，{len(notes)} 条提示请核对" if notes else ""))
    return 0


def scheme_tree(scheme: Scheme) -> str:
    lines = [
        f"{scheme.name}（{scheme.id}）",
        f"总分公式：{scheme.formula_text or '各一级指标之和'}",
    ]
    if scheme.grades:
        bands = "，".join(
            f"{band.name} ≥ {show(band.min)}" if band.min is not None else band.name
            for band in scheme.grades
        )
        lines.append(f"等次：{bands}")
    for section in scheme.sections:
        lines += node_lines(section, 0)
    return "\n".join(lines)


KIND_WORDS = {"scored": "", "penalty": "倒扣分", "bonus": "加分", "value": "取值", "group": ""}


def node_lines(node: Node, depth: int) -> list[str]:
    indent = "  " * depth
    points = f" {show(node.points)} 分" if node.points is not None else ""
    kind = f" [{KIND_WORDS[node.kind]}]" if KIND_WORDS[node.kind] else ""
    cap = " 不封顶" if node.kind == "bonus" and node.cap is None else ""
    lines = [f"{indent}{node.code} {node.name}{points}{kind}{cap}"]
    lines += [f"{indent}    - {rule_line(rule)}" for rule in node.rules]
    for child in node.children:
        lines += node_lines(child, depth + 1)
    return lines


def rule_line(rule: Rule) -> str:
    described = rule_kinds().get(rule.kind, rule.kind)
    settings = "，".join(f"{key}={show_setting(value)}" for key, value in rule.settings.items())
    cap = f"，最多 {show(rule.cap)} 分" if rule.cap is not None else ""
    flag = "（待确认）" if rule.flagged else ""
    label = f"「{rule.label}」" if rule.label else ""
    return f"{rule.id} {described}（{rule.kind}）{label}：{settings}{cap}{flag}"


def show_setting(value: object) -> str:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return show(value)
    if isinstance(value, dict):
        return "{" + "，".join(f"{k}: {show_setting(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + "，".join(show_setting(item) for item in value) + "]"
    return str(value)
