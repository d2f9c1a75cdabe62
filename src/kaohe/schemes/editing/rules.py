"""Changes to an item's rules: add one of a kind, change its parameters, delete, settle a flag."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kaohe.audit.models import Action
from kaohe.engine import PATH_SEPARATOR
from kaohe.engine.rules.registry import kinds
from kaohe.schemes.editing.edits import Edit
from kaohe.schemes.editing.tree import EditRefused, Position, node_at, path_of, position_text

KEPT = ("id", "kind", "text")
"""What a rule keeps whatever its form says: its id (records name it), kind and source."""


def rule_at(data: dict[str, Any], position: Position, index: int) -> dict[str, Any]:
    rules = node_at(data, position).get("rules") or []
    if not 0 <= index < len(rules) or not isinstance(rules[index], dict):
        raise EditRefused(["找不到这条规则，请刷新页面"])
    return rules[index]  # type: ignore[no-any-return]


def rule_where(data: dict[str, Any], position: Position, index: int) -> str:
    rule = rule_at(data, position, index)
    name = rule.get("label") or rule.get("id") or f"第 {index + 1} 条"
    return f"{path_of(data, position)}{PATH_SEPARATOR}规则「{name}」"


def all_rule_ids(data: dict[str, Any]) -> set[str]:
    def walk(nodes: list[Any]) -> Iterator[str]:
        for node in nodes:
            yield from (str(rule.get("id")) for rule in node.get("rules") or [])
            yield from walk(node.get("children") or [])

    return set(walk(data.get("sections") or []))


def fresh_rule_id(data: dict[str, Any], position: Position) -> str:
    taken, number = all_rule_ids(data), 1
    while f"{position_text(position)}-{number}" in taken:
        number += 1
    return f"{position_text(position)}-{number}"


def add_rule(data: dict[str, Any], position: Position, kind: str, values: dict[str, Any]) -> Edit:
    rule = {"id": fresh_rule_id(data, position), "kind": kind, **values}
    earlier = node_at(data, position).get("rules") or []
    if kind == "escalation" and earlier and "after" not in rule:
        rule["after"] = earlier[-1].get("id")  # 再扣: most often of the rule just above

    becomes_value = sets_the_value(kind) and not node_at(data, position).get("children")
    becomes_value = becomes_value and node_at(data, position).get("kind", "scored") == "scored"

    def apply(target: dict[str, Any]) -> None:
        node = node_at(target, position)
        node.setdefault("rules", []).append(dict(rule))
        if becomes_value:
            node["kind"] = "value"

    describe = f"在「{path_of(data, position)}」新增规则「{rule['id']}」"
    describe += "，本项改为赋值项（得分由这条规则取值）" if becomes_value else ""
    return Edit(Action.SCHEME_RULE_ADDED, describe, apply, place=position)


def sets_the_value(kind: str) -> bool:
    """A rule that sets its item's value (测评, 折算, 按完成比例, 人工评定): a 计分项 given one
    becomes a 赋值项, which the engine requires of it (neither change alone would be accepted)."""
    return kinds()[kind].role == "value"


def change_rule(
    data: dict[str, Any], position: Position, index: int, values: dict[str, Any]
) -> Edit:
    """The rule's parameters become ``values``; it keeps its id, kind and source sentence."""
    old = rule_at(data, position, index)
    rule = {key: old[key] for key in KEPT if key in old}
    rule.update({key: value for key, value in values.items() if key not in KEPT})

    def apply(target: dict[str, Any]) -> None:
        node_at(target, position)["rules"][index] = dict(rule)

    describe = f"修改{rule_where(data, position, index)}"
    return Edit(Action.SCHEME_RULE_CHANGED, describe, apply, place=position)


def delete_rule(data: dict[str, Any], position: Position, index: int) -> Edit:
    describe = f"删除{rule_where(data, position, index)}"

    def apply(target: dict[str, Any]) -> None:
        rules = node_at(target, position)["rules"]
        rules.pop(index)
        if not rules:
            node_at(target, position).pop("rules")

    return Edit(Action.SCHEME_RULE_DELETED, describe, apply, place=position)


def settle_rule(
    data: dict[str, Any], position: Position, index: int, reading: dict[str, Any] | None
) -> Edit:
    """A flagged rule becomes ``reading`` (one of the reader's half-readings), or stays as it is
    (``None``), and is no longer flagged."""
    old = rule_at(data, position, index)
    if not old.get("flagged"):
        raise EditRefused(["这条规则不是待确认规则"])
    rule = dict(old) if reading is None else {"id": old.get("id"), **clean_reading(reading)}
    rule.update({key: old[key] for key in ("label", "text") if key in old})
    rule.pop("flagged", None)

    def apply(target: dict[str, Any]) -> None:
        node_at(target, position)["rules"][index] = dict(rule)

    how = "按原样" if reading is None else "按识别结果"
    describe = f"{how}确认{rule_where(data, position, index)}"
    return Edit(Action.SCHEME_RULE_SETTLED, describe, apply, place=position)


def clean_reading(reading: dict[str, Any]) -> dict[str, Any]:
    """A reading as a rule: without the reader's working keys."""
    return {key: value for key, value in reading.items() if not key.startswith("_")}
