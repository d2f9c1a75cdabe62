"""argparse in Chinese: the usage prefix, the headings, the help option and the error messages.

Every parser of the `kaohe` command is a ChineseArgumentParser (sub-commands inherit it), so no
English from argparse reaches an office clerk.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

# argparse's own messages, as they read in Python 3.11–3.12, and how we say them.
MESSAGES: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.*)", r"缺少必填参数：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"invalid choice: (.*?) \(choose from (.*)\)", r"无效的选项 \1（可选：\2）"),
    (r"expected one argument", "需要一个参数值"),
    (r"invalid (\w+) value: (.*)", r"参数值 \2 无效"),
    (r"^argument (\S+): ", r"参数 \1："),
)


def in_chinese(message: str) -> str:
    for pattern, replacement in MESSAGES:
        message = re.sub(pattern, replacement, message)
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = "显示本帮助并退出"

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{in_chinese(message)}\n")
