"""`kaohe audit verify` and `kaohe audit archive`: the audit chain checked, old entries archived.

verify exits 0 when the chain is intact and 1 at the first broken or missing link (named in the
message), so a cron job or a monitoring check can alert on it; `--archive FILE` checks an
archive file's signature and the chain inside it instead.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from kaohe.cli import CommandError, set_up_django

INTACT, BROKEN = 0, 1


def register(subparsers: Any) -> None:
    audit = subparsers.add_parser("audit", help="审计日志：校验完整性、归档旧记录")
    commands = audit.add_subparsers(dest="audit_command", metavar="子命令", title="子命令")
    verify = commands.add_parser(
        "verify",
        help="校验审计链，报告第一处被改动或缺失的记录",
        description="逐条核对审计日志的链式校验码；完整时退出码为 0，发现问题时为 1。",
    )
    verify.add_argument("--archive", help="改为校验一个归档文件（kaohe audit archive 生成）")
    verify.set_defaults(handler=run_verify)
    archive = commands.add_parser(
        "archive",
        help="把早于某日的审计记录归档到签名文件后移出数据库",
        description="只能归档 184 天以前的记录；先写出并核对签名文件，再从数据库移除。",
    )
    archive.add_argument(
        "--before", required=True, type=day, help="归档此日期以前的记录（年-月-日）"
    )
    archive.add_argument("--output", help="归档文件路径（默认 var/audit-archives/ 下）")
    archive.set_defaults(handler=run_archive)


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"日期「{text}」格式不正确，应为 年-月-日") from error


def run_verify(args: argparse.Namespace) -> int:
    set_up_django()
    if args.archive:
        return verify_archive(Path(args.archive))
    from kaohe.audit.verify import verify_chain

    walk = verify_chain()
    if walk.problem:
        print(f"审计日志不完整：{walk.problem}")
        return BROKEN
    print(
        f"审计日志完整：核对 {walk.checked} 条（至第 {walk.expected - 1} 条），"
        f"算法 {walk.algorithm}"
    )
    return INTACT


def verify_archive(path: Path) -> int:
    from kaohe.audit.archive import ArchiveRefused, check_archive

    if not path.is_file():
        raise CommandError(f"找不到归档文件 {path}")
    try:
        checked = check_archive(path)
    except ArchiveRefused as error:
        print(f"归档文件不完整：{error}")
        return BROKEN
    header = checked.header
    print(
        f"归档文件完整：第 {header['first_seq']}–{header['last_seq']} 条，"
        f"{checked.walk.checked} 条，签名相符，算法 {header['algorithm']}"
    )
    return INTACT


def run_archive(args: argparse.Namespace) -> int:
    set_up_django()
    from kaohe.audit.archive import ArchiveRefused, archive_before

    try:
        archived = archive_before(args.before, Path(args.output) if args.output else None)
    except ArchiveRefused as error:
        raise CommandError(str(error)) from error
    if archived is None:
        print(f"没有 {args.before:%Y-%m-%d} 以前的审计记录，无需归档")
    else:
        print(
            f"已归档第 {archived.first}–{archived.last} 条（{archived.count} 条）"
            f"到 {archived.path}，SHA-256 {archived.sha256}，并从数据库移除"
        )
    return INTACT
