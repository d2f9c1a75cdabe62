"""`kaohe backup` and `kaohe restore`: the database and the evidence files in one archive.

They run the `manage.py backup` / `manage.py restore` commands (kaohe.backup does the work),
setting Django up only when called, so the rest of the `kaohe` command stays Django-free.
"""

from __future__ import annotations

import argparse
from typing import Any

from kaohe.cli import CommandError, set_up_django


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="备份数据库与证据文件",
        description="把数据库与证据文件备份到一个归档文件（含 SHA-256 校验清单），运行中即可备份。",
    )
    backup.add_argument(
        "--output", help="归档文件路径（默认 var/backups/kaohe-年月日-时分秒.tar.gz）"
    )
    backup.set_defaults(handler=run_backup)
    restore = subparsers.add_parser(
        "restore",
        help="从备份恢复数据库与证据文件",
        description="核对校验和后，用归档文件中的数据库与证据文件替换当前的。",
    )
    restore.add_argument("archive", help="kaohe backup 生成的归档文件")
    restore.add_argument("--overwrite", action="store_true", help="覆盖已有的数据库与证据文件")
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    return run_management_command("backup", *(["--output", args.output] if args.output else []))


def run_restore(args: argparse.Namespace) -> int:
    return run_management_command("restore", args.archive, *(["--overwrite"] * args.overwrite))


def run_management_command(name: str, *arguments: str) -> int:
    set_up_django()
    from django.core.management import CommandError as ManagementCommandError
    from django.core.management import call_command

    try:
        call_command(name, *arguments)
    except ManagementCommandError as error:
        raise CommandError(str(error)) from error
    return 0
