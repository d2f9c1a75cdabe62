"""`kaohe scheme import | export | agreement`: documents in and out of the canonical scheme.

The ``scheme`` command (kaohe.cli.scheme) calls :func:`add_commands` with its sub-parsers.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from typing import Any

from kaohe.cli import CommandError
from kaohe.transfer.agreement import seed_agreements
from kaohe.transfer.exporters import EXPORTERS, export_scheme
from kaohe.transfer.importers import ImportRefused, import_file
from kaohe.transfer.oserrors import reason

DEFAULT_SEEDS_DIRS = ("tests/data/import/seeds",)
IMPORT_DESCRIPTION = """把一份考核细则（评分标准、考核办法、任务分工表）读成考核方案，
并打印导入报告。

可读的版式：
  Excel 工作簿（.xlsx）和 Word 文档（.docx）中的指标表：表头按名称识别（一级指标、二级指标、
    考核项目、考核内容、分值、基础分值、标准分、考核要点及评价标准、评分标准、考评单位、
    责任科室、责任人等），合并单元格视为层级，可有两行表头；
  Word 文档中的编号条文；
  纯文本（.txt，含从 Word、PDF、网页复制的文字）：制表符分隔的表格、每格一行的表格、
    用 | 或制表线分隔的表格、连成一行的表格、带分值的编号条文（一、（一）1. （1）①）、
    分值写在句中的条文（「……。8分未按要求的……」「（共40分，扣完为止）」）、
    写明各部分所占比例的方案（「指标考核占70%，公众评议占30%」）；繁体字按简体识别。"""
IMPORT_EPILOG = """退出码：
  0  导入完成，方案校验通过，没有待处理事项；
  1  已导入为草稿，但有待处理事项（无分值或无规则的指标、分值合计不一致、待人工确认的规则、
     未归入指标的评分文字）或方案校验未通过：见报告开头；
  2  未导入：文件无法读取、格式不支持，或文件中没有可识别的考核指标（原因见错误信息）。"""


def add_commands(subparsers: Any) -> None:
    importing = subparsers.add_parser(
        "import",
        help="从 Excel/Word/文本导入考核方案并打印导入报告",
        description=IMPORT_DESCRIPTION,
        epilog=IMPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    importing.add_argument("file", help="考核细则文件：.xlsx、.docx 或 .txt（粘贴的文字存为 .txt）")
    importing.add_argument("-o", "--output", help="写入的方案文件（YAML）；省略则只打印报告")
    importing.add_argument("--id", dest="scheme_id", help="方案标识（默认取自文件名）")
    importing.set_defaults(handler=run_import)

    exporting = subparsers.add_parser("export", help="把方案导出为 Excel 或 Word 指标表")
    exporting.add_argument("scheme", help="方案文件（YAML）")
    exporting.add_argument("-o", "--output", required=True, help="输出文件：.xlsx 或 .docx")
    exporting.set_defaults(handler=run_export)

    agreement = subparsers.add_parser("agreement", help="逐个种子文件比较导入结果与内置方案")
    agreement.add_argument("--seeds-dir", help="种子文件目录（默认 tests/data/import/seeds）")
    agreement.add_argument("--schemes-dir", default="schemes", help="内置方案目录")
    agreement.add_argument("--brief", action="store_true", help="每个种子只打印一行")
    agreement.set_defaults(handler=run_agreement)


def run_import(args: argparse.Namespace) -> int:
    try:
        imported = import_file(args.file, scheme_id=args.scheme_id)
    except ImportRefused as error:
        raise CommandError(f"导入失败，未保存任何内容：{error}") from error
    print("\n".join(imported.report.lines()))
    if args.output:
        from kaohe.transfer.scheme_file import dump_scheme_data

        write_atomically(Path(args.output), dump_scheme_data(imported.scheme).encode("utf-8"))
        print(f"方案已写入：{args.output}")
    return 1 if imported.report.scheme_problems or imported.report.pending else 0


def run_export(args: argparse.Namespace) -> int:
    from kaohe.engine import SchemeError
    from kaohe.transfer.scheme_file import read_scheme_data

    output = Path(args.output)
    kind = output.suffix.lower().lstrip(".")
    if kind not in EXPORTERS:
        raise CommandError(f"不支持导出为「{output.suffix}」，请使用 .xlsx 或 .docx")
    try:
        scheme = read_scheme_data(args.scheme)
    except SchemeError as error:
        raise CommandError(str(error)) from error
    if not isinstance(scheme, dict):
        raise CommandError(f"方案文件「{args.scheme}」内容不是方案")
    write_atomically(output, export_scheme(scheme, kind))
    print(f"已导出：{output}")
    return 0


def run_agreement(args: argparse.Namespace) -> int:
    seeds_dir = args.seeds_dir or next(
        (path for path in DEFAULT_SEEDS_DIRS if Path(path).is_dir()), DEFAULT_SEEDS_DIRS[0]
    )
    if not Path(seeds_dir).is_dir():
        raise CommandError(f"找不到种子文件目录「{seeds_dir}」")
    for result in seed_agreements(seeds_dir, args.schemes_dir):
        print("\n".join(result.lines(details=not args.brief)))
    return 0


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, so a failure leaves nothing behind."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        raise CommandError(f"无法写入「{path}」：{reason(error)}") from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise CommandError(f"无法写入「{path}」：{reason(error)}") from error
