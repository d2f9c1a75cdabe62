"""`kaohe textrules eval`: how well the criteria reader does on the labelled corpus."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import yaml

from kaohe.cli import CommandError
from kaohe.textrules.evaluation import EntryResult, Scorecard, entry_from, evaluate

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[3] / "tests" / "data" / "textrules" / "corpus.yaml"
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("textrules", help="评分标准文字识别")
    commands = parser.add_subparsers(dest="textrules_command", metavar="子命令")
    evaluation = commands.add_parser("eval", help="用标注语料检验识别准确率")
    evaluation.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="语料文件（YAML）")
    evaluation.add_argument("--show-failures", action="store_true", help="列出未完全匹配的句子")
    evaluation.set_defaults(handler=run_eval)
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)


def load_corpus(path: Path) -> Scorecard:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CommandError(f"无法读取语料文件 {path}：{error.strerror}") from error
    except yaml.YAMLError as error:
        raise CommandError(f"语料文件 {path} 不是有效的 YAML：{error}") from error
    if not isinstance(data, list):
        raise CommandError(f"语料文件 {path} 应为条目列表")
    try:
        entries = [entry_from(item) for item in data]
    except (KeyError, TypeError) as error:
        raise CommandError(f"语料文件 {path} 的条目缺少字段：{error}") from error
    return evaluate(entries)


def _failure_lines(result: EntryResult) -> list[str]:
    seed = f"[{result.entry.seed}] " if result.entry.seed else ""
    text = " ".join(result.entry.text.split())
    lines = [f"- {seed}{text}", f"    期望：{list(result.entry.rules)}"]
    lines.append(f"    识别：{result.read_rules}")
    if result.reading.node != result.entry.node:
        lines.append(f"    节点：期望 {result.entry.node}，识别 {result.reading.node}")
    if result.confident_but_wrong or result.wrong_node_facts:
        lines.append("    ！有把握但错误")
    return lines


def run_eval(args: argparse.Namespace) -> int:
    card = load_corpus(args.corpus)
    print(f"句子总数：{card.total}")
    print(f"完全匹配：{card.exact}")
    print(f"准确率：{card.accuracy}%")
    print(f"有把握但错误：{card.confident_but_wrong}")
    print(f"待人工确认（标记）规则：{card.flagged}")
    failures = card.failures
    print(f"未完全匹配：{len(failures)}")
    for result in failures:
        if args.show_failures:
            print("\n".join(_failure_lines(result)))
        else:
            print(_failure_lines(result)[0])
    return 0
