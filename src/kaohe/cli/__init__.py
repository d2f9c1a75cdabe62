"""The `kaohe` command: offline scoring, scheme checking and document import; backup and restore
of an installation (which alone set Django up).

Each sub-command lives in its own module that exposes ``register(subparsers)``; adding a command
means adding a module and naming it in ``COMMAND_MODULES``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kaohe.cli.chinese import ChineseArgumentParser

COMMAND_MODULES: tuple[str, ...] = (
    "kaohe.cli.score",
    "kaohe.cli.scheme",
    "kaohe.cli.textrules",
    "kaohe.cli.backup",
    "kaohe.cli.audit",
)


class CommandError(Exception):
    """A user-facing failure: printed in Chinese, exit status 2, no traceback."""


def set_up_django() -> None:
    """For the commands that work on an installation (backup, restore, audit): only they pay
    for Django, the rest of the `kaohe` command stays Django-free."""
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kaohe.project.settings")
    import django

    django.setup()


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="kaohe", description="kaohe 绩效考核：离线计分与方案检查")
    subparsers = parser.add_subparsers(dest="command", metavar="命令", title="命令")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(args) or 0)
    except CommandError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
