"""`kaohe textrules eval`: how well the criteria reader does on the labelled corpus."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import yaml

from kaohe.cli import CommandError
from kaohe.textrules.evaluation import EntryResult, Scorecard, entry_from, evaluate
from kaohe.transfer.documents import (
    OUTCOMES,
    SourceResult,
    Totals,
    comparable,
    load_documents,
    measure_all,
)
from kaohe.transfer.oserrors import reason

DATA = Path(__file__).resolve().parents[3] / "tests" / "data"
DEFAULT_CORPUS = DATA / "textrules" / "corpus.yaml"
DEFAULT_DOCUMENTS = DATA / "documents"
OUTCOME_LABELS = {
    "exact": "完全匹配",
    "flagged": "标记待确认",
    "wrong": "识别错误",
    "missing": "遗漏",
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("textrules", help="评分标准文字识别")
    commands = parser.add_subparsers(dest="textrules_command", metavar="子命令")
    evaluation = commands.add_parser("eval", help="用标注语料检验识别准确率")
    evaluation.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="语料文件（YAML）")
    evaluation.add_argument("--show-failures", action="store_true", help="列出未完全匹配的句子")
    evaluation.add_argument(
        "--documents",
        nargs="?",
        type=Path,
        const=DEFAULT_DOCUMENTS,
        default=None,
        metavar="目录",
        help="改为用真实文件语料（每个文件一个目录，含 labels.yaml）检验整份文件的导入",
    )
    evaluation.add_argument(
        "--split", choices=("dev", "validation"), help="只检验开发集或验证集（与 --documents 同用）"
    )
    evaluation.add_argument(
        "--only",
        metavar="编号",
        help="只检验这些文件（编号以逗号分隔，如 d006,d009；与 --documents 同用）",
    )
    evaluation.set_defaults(handler=run_eval)
    parser.set_defaults(handler=lambda args: parser.print_help() or 2)


def load_corpus(path: Path) -> Scorecard:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CommandError(f"无法读取语料文件 {path}：{reason(error)}") from error
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
    if args.documents is not None:
        return run_documents(args.documents, args.split, args.show_failures, args.only)
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


def run_documents(
    root: Path, split: str | None, show_failures: bool, only: str | None = None
) -> int:
    try:
        documents = load_documents(root)
    except (OSError, yaml.YAMLError, KeyError, TypeError) as error:
        raise CommandError(f"无法读取文件语料 {root}：{error}") from error
    if split:
        documents = [document for document in documents if document.split == split]
    if only:
        wanted = {name.strip() for name in only.split(",")}
        documents = [document for document in documents if document.id in wanted]
    if not documents:
        raise CommandError(f"目录 {root} 中没有带 labels.yaml 的文件")
    results, totals = measure_all(documents)
    for result in results:
        print(_document_line(result))
        if show_failures:
            print("\n".join(_document_failures(result)))
    for name, total in sorted(totals.items()):
        print(_totals_line(f"{SPLIT_LABELS.get(name, name)}", total))
    if len(totals) > 1:
        whole = Totals(documents=len(documents))
        for result in results:
            whole.add(result)
        print(_totals_line("合计", whole))
    return 0


SPLIT_LABELS = {"dev": "开发集", "validation": "验证集"}


def _document_line(result: SourceResult) -> str:
    split = SPLIT_LABELS.get(result.document.split, "?")
    head = f"{result.document.id} [{split}] {result.source.name}"
    if result.refused:
        return f"{head}：拒绝导入（{result.refused}）；{len(result.outcomes)} 句遗漏"
    counts = result.counts
    tree = (
        "指标树与分值一致"
        if result.tree_matches
        else f"指标树不一致 {len(result.tree_differences)} 处"
    )
    sentences = "，".join(f"{OUTCOME_LABELS[name]} {counts[name]}" for name in OUTCOMES)
    return f"{head}：{tree}；评分句 {len(result.outcomes)}：{sentences}"


def _document_failures(result: SourceResult) -> list[str]:
    lines = [f"    {difference}" for difference in result.tree_differences]
    for sentence, outcome, read in result.outcomes:
        if outcome != "exact":
            lines.append(f"    [{OUTCOME_LABELS[outcome]}] {' '.join(sentence.text.split())}")
            lines.append(f"        期望：{[comparable(rule) for rule in sentence.rules]}")
            lines.append(f"        识别：{[comparable(rule) for rule in read]}")
    return lines


def _totals_line(name: str, total: Totals) -> str:
    outcomes = "，".join(f"{OUTCOME_LABELS[key]} {total.outcomes[key]}" for key in OUTCOMES)
    return (
        f"{name}：文件 {total.documents} 份（导入 {total.sources} 次，拒绝 {total.refused}），"
        f"指标树与分值一致 {total.trees_matching}/{total.sources}；"
        f"评分句 {total.sentences}：{outcomes}；完全匹配率 {total.exact_share}%"
    )
