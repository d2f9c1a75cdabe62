"""The changes a person makes in the scheme editor, each an :class:`Edit` on the plain data."""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kaohe.audit.models import Action
from kaohe.engine.formula.errors import FormulaError
from kaohe.engine.formula.tokens import tokenize
from kaohe.schemes.editing.tree import (
    EditRefused,
    Position,
    children_of,
    free_name,
    node_at,
    path_of,
    tidy_tree,
)

NEEDS_QUOTES = set("+-*/×÷−()（），, ")
NULL = object()
"""A value written as null (「不封顶」: ``cap: null``); an empty value is left out instead."""


@dataclass(frozen=True)
class Edit:
    """One change: what it does to the data, how the audit log says it, and which paths it
    renames (so that a problem the draft had already is not taken for a new one)."""

    action: Action
    describe: str
    apply: Callable[[dict[str, Any]], None]
    renamed: dict[str, str] = field(default_factory=dict)
    place: Position = ()
    """Where the editor shows the node afterwards."""


def checked_name(name: str, default: str = "") -> str:
    """An indicator's name as typed: trimmed, never empty, no control characters (a NUL cannot
    even be stored on PostgreSQL)."""
    name = name.strip() or default
    if not name:
        raise EditRefused(["「指标名称」不能为空"])
    if any(unicodedata.category(char) == "Cc" for char in name):
        raise EditRefused(["「指标名称」不能含有控制字符"])
    return name


def rename_node(data: dict[str, Any], position: Position, name: str) -> Edit:
    name = checked_name(name)
    old = str(node_at(data, position).get("name", ""))
    old_path = path_of(data, position)
    new_path = old_path[: len(old_path) - len(old)] + name

    def apply(target: dict[str, Any]) -> None:
        node_at(target, position)["name"] = name
        for sibling in children_of(target, position[:-1]):
            if sibling.get("not_applicable") == {"move_to": old}:
                sibling["not_applicable"] = {"move_to": name}
        if len(position) == 1:
            rename_section(target, old, name)

    describe = f"指标「{old_path}」改名为「{name}」"
    return Edit(Action.SCHEME_INDICATOR_CHANGED, describe, apply, {old_path: new_path}, position)


def rename_section(data: dict[str, Any], old: str, new: str) -> None:
    """A section's new name in the formula and the tie-breakers, which name sections."""
    data["formula"] = renamed_in_formula(str(data.get("formula") or ""), old, new)
    if isinstance(data.get("tie_breakers"), list):
        data["tie_breakers"] = [new if item == old else item for item in data["tie_breakers"]]
    if not data["formula"]:
        data.pop("formula")


def renamed_in_formula(formula: str, old: str, new: str) -> str:
    try:
        tokens = tokenize(formula)
    except FormulaError:
        return formula
    written = f"「{new}」" if NEEDS_QUOTES & set(new) else new
    for token in reversed(tokens):
        if token.kind == "name" and token.text == old:
            quoted = formula[token.position] in '「"“『'
            end = _token_end(formula, token.position, quoted, old)
            formula = formula[: token.position] + written + formula[end:]
    return formula


def _token_end(formula: str, start: int, quoted: bool, name: str) -> int:
    if not quoted:
        return start + len(name)
    closing = {"「": "」", '"': '"', "“": "”", "『": "』"}[formula[start]]
    return formula.index(closing, start + 1) + 1


def move_node(data: dict[str, Any], position: Position, direction: str) -> Edit:
    moves = {"up": move_up, "down": move_down, "in": move_in, "out": move_out}
    if direction not in moves:
        raise EditRefused([f"不支持的移动方向「{direction}」"])
    path = path_of(data, position)
    moved = copy.deepcopy(data)
    place = moves[direction](moved, position)  # refuses a move that cannot be made at all
    words = {"up": "上移", "down": "下移", "in": "降一级", "out": "升一级"}[direction]

    def apply(target: dict[str, Any]) -> None:
        moves[direction](target, position)
        tidy_tree(target)

    renamed = {path: path_of(moved, place)} if direction in ("in", "out") else {}
    return Edit(Action.SCHEME_INDICATOR_MOVED, f"指标「{path}」{words}", apply, renamed, place)


def move_up(data: dict[str, Any], position: Position) -> Position:
    siblings, index = children_of(data, position[:-1]), position[-1]
    node_at(data, position)
    if index == 0:
        raise EditRefused(["已是同级第一个，不能再上移"])
    siblings[index - 1], siblings[index] = siblings[index], siblings[index - 1]
    return (*position[:-1], index - 1)


def move_down(data: dict[str, Any], position: Position) -> Position:
    siblings, index = children_of(data, position[:-1]), position[-1]
    node_at(data, position)
    if index + 1 >= len(siblings):
        raise EditRefused(["已是同级最后一个，不能再下移"])
    siblings[index + 1], siblings[index] = siblings[index], siblings[index + 1]
    return (*position[:-1], index + 1)


def move_in(data: dict[str, Any], position: Position) -> Position:
    """Becomes the last child of the sibling above it."""
    siblings, index = children_of(data, position[:-1]), position[-1]
    node_at(data, position)
    if index == 0:
        raise EditRefused(["上方没有同级指标，不能降级"])
    new_parent = siblings[index - 1]
    children = new_parent.setdefault("children", [])
    children.append(siblings.pop(index))
    return (*position[:-1], index - 1, len(children) - 1)


def move_out(data: dict[str, Any], position: Position) -> Position:
    """Becomes the sibling just after its parent."""
    if len(position) < 2:
        raise EditRefused(["一级指标不能再升级"])
    node = children_of(data, position[:-1]).pop(position[-1])
    parent = position[:-1]
    children_of(data, parent[:-1]).insert(parent[-1] + 1, node)
    return (*parent[:-1], parent[-1] + 1)


def add_node(data: dict[str, Any], parent: Position, name: str = "新指标") -> Edit:
    where = path_of(data, parent) if parent else "方案"
    taken = (data.get("sections") or []) if not parent else node_at(data, parent).get("children")
    chosen = free_name(list(taken or []), checked_name(name, "新指标"))

    def apply(target: dict[str, Any]) -> None:
        children_of(target, parent).append({"name": chosen, "points": 0, "kind": "scored"})
        tidy_tree(target)

    place = (*parent, len(taken or []))
    describe = f"在「{where}」下新增指标「{chosen}」"
    return Edit(Action.SCHEME_INDICATOR_ADDED, describe, apply, place=place)


def delete_node(data: dict[str, Any], position: Position) -> Edit:
    path = path_of(data, position)

    def apply(target: dict[str, Any]) -> None:
        children_of(target, position[:-1]).pop(position[-1])
        tidy_tree(target)

    return Edit(Action.SCHEME_INDICATOR_DELETED, f"删除指标「{path}」", apply, place=position[:-1])


def change_node(data: dict[str, Any], position: Position, values: dict[str, Any]) -> Edit:
    """The node's own settings (points, kind, bounds, criteria, assessor, owners); its name
    through :func:`rename_node` so that references follow it."""
    path = path_of(data, position)
    renaming = values.get("name") and values["name"] != node_at(data, position).get("name")
    rename = rename_node(data, position, values["name"]) if renaming else None

    def apply(target: dict[str, Any]) -> None:
        node = node_at(target, position)
        for key, value in values.items():
            if key == "name":
                continue
            if value is NULL:
                node[key] = None
            elif value in (None, "", [], {}) or (key == "kind" and node.get("children")):
                node.pop(key, None)
            else:
                node[key] = value
        if rename is not None:
            rename.apply(target)

    renamed = rename.renamed if rename else {}
    describe = f"修改指标「{path}」的设置"
    return Edit(Action.SCHEME_INDICATOR_CHANGED, describe, apply, renamed, position)


def change_settings(data: dict[str, Any], values: dict[str, Any]) -> Edit:
    """The scheme's own settings: name, body, period, decimals, formula, grades, quota."""
    old, new = data.get("name") or data.get("id"), values.get("name") or data.get("id")

    def apply(target: dict[str, Any]) -> None:
        for key, value in values.items():
            if value in (None, "", [], {}):
                target.pop(key, None)
            else:
                target[key] = value
        target["sections"] = target.pop("sections", [])  # the tree stays last in the file

    renamed = {f"方案「{old}」": f"方案「{new}」"}
    return Edit(Action.SCHEME_SETTINGS_CHANGED, "修改方案设置", apply, renamed)
