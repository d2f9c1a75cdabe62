"""Using the scheme file an export carried (``kaohe/scheme.yaml``) where the table was kept.

The table stays authoritative: its tree, points, criteria and owners are what the office sees
and may have edited. From the carried scheme come what a table cannot show — scheme settings
(formula, grades, period, …), node settings (applies_to, not_applicable, system, code) — and,
for every indicator whose criteria text is unchanged, its rules as they were, instead of a fresh
reading of the text.

Exports write the part as JSON (which is YAML too) and it is read as such; a part in block YAML,
as earlier exports wrote it, is read with the YAML reader.
"""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from typing import Any

import yaml

from kaohe.engine import PATH_SEPARATOR
from kaohe.transfer.importers.report import ImportReport
from kaohe.transfer.scheme_file import nodes_with_paths

SCHEME_PART = "kaohe/scheme.yaml"
MAX_PART_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 40
SCHEME_SETTINGS = (
    "body",
    "period",
    "decimals",
    "categories",
    "formula",
    "grades",
    "excellence_quota",
    "tie_breakers",
)
NODE_SETTINGS = ("code", "applies_to", "not_applicable", "system")
# Shown in the table only on leaves or only when set; a group's own (or an explicit null) returns.
UNSHOWN_IF_ABSENT = ("assessor", "owners", "floor", "cap")
_ADJUSTABLE_KINDS = {"scored", "value"}
# libyaml's reader when PyYAML was built with it: several times faster than the Python one.
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Node = dict[str, Any]


def carries_scheme(data: bytes) -> bool:
    """Whether the file is a kaohe export: its table's names are the scheme's, as written."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return SCHEME_PART in package.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def carried_scheme(data: bytes) -> dict[str, Any] | None:
    """The scheme an export carried, or None (not an export, or a part we will not trust)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            info = package.getinfo(SCHEME_PART)
            if info.file_size > MAX_PART_BYTES:
                return None
            text = package.read(info).decode("utf-8")
        scheme = _from_json(text) if text.startswith("{") else _from_yaml(text)
    except (KeyError, zipfile.BadZipFile, UnicodeDecodeError, yaml.YAMLError, OSError):
        return None
    return scheme if isinstance(scheme, dict) and isinstance(scheme.get("sections"), list) else None


def _from_json(text: str) -> Any:
    """The part as JSON; a part that is not JSON after all is tried as YAML."""
    try:
        scheme = json.loads(text, parse_float=Decimal)
    except (ValueError, RecursionError):
        return _from_yaml(text)
    return scheme if _nested_within(scheme, MAX_DEPTH) else None


def _from_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_YAML_LOADER) if _plain_yaml(text) else None  # noqa: S506


def _nested_within(value: Any, limit: int) -> bool:
    """Whether lists and mappings in ``value`` nest at most ``limit`` deep, looked at one level
    at a time (no recursion: the value came from a file)."""
    level = [value]
    for _ in range(limit):
        level = [
            item
            for container in level
            for item in (container.values() if isinstance(container, dict) else container)
            if isinstance(item, dict | list)
        ]
        if not level:
            return True
    return False


def _plain_yaml(text: str) -> bool:
    """No aliases (a small file could expand without bound) and no absurd nesting."""
    depth = 0
    for event in yaml.parse(text, Loader=_YAML_LOADER):
        if isinstance(event, yaml.AliasEvent):
            return False
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return False
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return True


def restore(scheme: dict[str, Any], carried: dict[str, Any], report: ImportReport) -> None:
    """Fill ``scheme`` (read from the table) with what the carried scheme adds.

    Values are moved, not copied: the carried scheme was read for this import alone, shares no
    value between places (aliases are refused), and each of its nodes matches at most one node
    of the table, whose paths are unique."""
    for key in ("id", *SCHEME_SETTINGS):
        if key in carried and (key not in scheme or key == "id"):
            scheme[key] = carried[key]
    theirs = _by_path(carried["sections"], ())
    kept = sum(_restore_node(node, theirs) for node in _walk(scheme["sections"]))
    _recount_rules(scheme, report)
    report.notes.append(
        f"文件带有导出时的方案数据：{kept} 个指标的评分规则按原样恢复，方案设置已恢复"
    )


def _restore_node(node: Node, theirs: dict[tuple[str, ...], Node]) -> bool:
    carried = theirs.get(node["_path"])
    del node["_path"]
    if carried is None:
        return False
    for key in NODE_SETTINGS:
        if key in carried:
            node[key] = carried[key]
    for key in UNSHOWN_IF_ABSENT:
        if key in carried and key not in node:
            node[key] = carried[key]
    if "children" in node:
        if carried.get("points") is None:
            node.pop("points", None)  # the group's points were only the sum of its children
        return False
    if (node.get("criteria") or "") != (carried.get("criteria") or ""):
        return False  # the office changed the text: its fresh reading stands
    _restore_leaf(node, carried)
    return True


def _restore_leaf(node: Node, carried: Node) -> None:
    kind = carried.get("kind", "scored")
    if {node.get("kind", "scored"), kind} <= _ADJUSTABLE_KINDS:
        node["kind"] = kind
    if carried.get("points") is None and node.get("points") == 0:
        node.pop("points")  # the table shows 0 for an item written without points
    node["rules"] = carried.get("rules") or []


def _by_path(nodes: list[Node], above: tuple[str, ...]) -> dict[tuple[str, ...], Node]:
    return dict(nodes_with_paths(nodes, above))


def _walk(nodes: list[Node], above: tuple[str, ...] = ()) -> list[Node]:
    """Every node, each marked with its path (removed again as it is restored)."""
    found: list[Node] = []
    for node in nodes:
        node["_path"] = (*above, node["name"])
        found.append(node)
        found.extend(_walk(node.get("children") or [], node["_path"]))
    return found


def _recount_rules(scheme: dict[str, Any], report: ImportReport) -> None:
    report.rules_parsed = 0
    report.rules_flagged = []
    for node in _walk(scheme["sections"]):
        path = PATH_SEPARATOR.join(node.pop("_path"))
        for rule in node.get("rules") or []:
            report.rules_parsed += 1
            if rule.get("flagged"):
                report.rules_flagged.append(f"{path}：{str(rule.get('text', ''))[:50]}")
