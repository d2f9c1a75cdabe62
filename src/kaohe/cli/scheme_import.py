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

DEFAULT_SEEDS_DIRS = ("../shared/seeds", "tests/data/import/seeds")


def add_commands(subparsers: Any) -> None:
    importing = subparsers.add_parser("import", help="从 Excel/Word/文本导入考核方案并打印导入报告")
    importing.add_argument("file", help="考核细则文件：.xlsx、.docx 或 .txt")
    importing.add_argument("-o", "--output", help="写入的方案文件（YAML）；省略则只打印报告")
    importing.add_argument("--id", dest="scheme_id", help="方案标识（默认取自文件名）")
    importing.set_defaults(handler=run_import)

    exporting = subparsers.add_parser("export", help="把方案导出为 Excel 或 Word 指标表")
    exporting.add_argument("scheme", help="方案文件（YAML）")
    exporting.add_argument("-o", "--output", required=True, help="输出文件：.xlsx 或 .docx")
    exporting.set_defaults(handler=run_export)

    agreement = subparsers.add_parser("agreement", help="逐个种子文件比较导入结果与内置方案")
    agreement.add_argument("--seeds-dir", help="种子文件目录（默认 ../shared/seeds）")
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
    return 1 if imported.report.scheme_problems else 0


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
        raise CommandError(f"无法写入「{path}」：{error.strerror or error}") from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise CommandError(f"无法写入「{path}」：{error.strerror or error}") from error
