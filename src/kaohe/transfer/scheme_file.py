"""The canonical scheme file (YAML, kaohe-scheme/1): read into a Scheme, written back."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from kaohe.engine import Scheme, SchemeError, load_scheme, scheme_to_dict
from kaohe.transfer.oserrors import reason


def read_scheme(path: str | Path) -> Scheme:
    """Load and validate the scheme file at ``path``; raises SchemeError with Chinese problems."""
    return load_scheme(read_scheme_data(path))


def read_scheme_data(path: str | Path) -> Any:
    """The plain data of a scheme file, with unreadable files and bad YAML as SchemeError."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise SchemeError([f"无法读取方案文件「{path}」：{reason(error)}"]) from error
    except UnicodeDecodeError as error:
        raise SchemeError([f"方案文件「{path}」不是 UTF-8 编码"]) from error
    return parse_scheme_text(text, str(path))


def parse_scheme_text(text: str, label: str = "方案文件") -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark is not None else ""
        raise SchemeError(
            [f"{label}{where}：YAML 格式有误（{getattr(error, 'problem', '') or error}）"]
        ) from error


class _SchemeDumper(yaml.SafeDumper):
    """Writes Decimals as plain YAML numbers and keeps Chinese readable."""

    def ignore_aliases(self, data: object) -> bool:
        """A scheme file is read by people: a value used twice is written twice, never as an
        anchor and an alias (「points: &id001 100」)."""
        return True


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    if value == value.to_integral_value():
        return dumper.represent_int(int(value))
    return dumper.represent_scalar("tag:yaml.org,2002:float", format(value.normalize(), "f"))


_SchemeDumper.add_representer(Decimal, _represent_decimal)


def dump_scheme(scheme: Scheme) -> str:
    """The scheme as YAML text; ``read`` of the text gives back an equal scheme."""
    return dump_scheme_data(scheme_to_dict(scheme))


def dump_scheme_data(data: Any) -> str:
    return yaml.dump(data, Dumper=_SchemeDumper, allow_unicode=True, sort_keys=False, width=100)


def nodes_with_paths(
    nodes: list[Any], above: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """Every node of a scheme document's tree (``sections`` and their ``children``), parents
    first, with the names on its path; entries that are not mappings are skipped."""
    for node in nodes:
        if isinstance(node, dict):
            path = (*above, str(node.get("name", "")))
            yield path, node
            yield from nodes_with_paths(node.get("children") or [], path)
