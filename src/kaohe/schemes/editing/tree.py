"""Finding nodes in a scheme's plain data by position (「1.2.3」: the third child of the second
child of the first section), and what a structural change must keep true."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from kaohe.engine import PATH_SEPARATOR

Position = tuple[int, ...]
POSITIONAL_CODE = re.compile(r"\d+(\.\d+)*")
LEAF_ONLY = ("kind",)


class EditRefused(Exception):
    """A change that cannot be made; ``messages`` are Chinese sentences naming the field."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("；".join(messages))
        self.messages = messages


def position_of(text: str) -> Position:
    """「1.2.3」 → (0, 1, 2); refuses anything else."""
    if not POSITIONAL_CODE.fullmatch(text or "") or "0" in text.split("."):
        raise EditRefused([f"指标位置「{text}」无效"])
    return tuple(int(part) - 1 for part in text.split("."))


def position_text(position: Position) -> str:
    return ".".join(str(index + 1) for index in position)


def children_of(data: dict[str, Any], parent: Position) -> list[dict[str, Any]]:
    """The list holding ``parent``'s children (the sections for the empty position)."""
    if not parent:
        return data.setdefault("sections", [])
    return node_at(data, parent).setdefault("children", [])


def node_at(data: dict[str, Any], position: Position) -> dict[str, Any]:
    nodes: list[Any] = data.get("sections") or []
    node: Any = None
    for index in position:
        if not 0 <= index < len(nodes) or not isinstance(nodes[index], dict):
            raise EditRefused([f"找不到位置为「{position_text(position)}」的指标，请刷新页面"])
        node = nodes[index]
        nodes = node.get("children") or []
    if node is None:
        raise EditRefused(["请选择一个指标"])
    return node  # type: ignore[no-any-return]  # the stored dict itself, edited in place


def path_of(data: dict[str, Any], position: Position) -> str:
    """The node's path as the engine names it (names joined with ›)."""
    return PATH_SEPARATOR.join(
        str(node_at(data, position[: depth + 1]).get("name", "")) for depth in range(len(position))
    )


def tidy_tree(data: dict[str, Any]) -> None:
    """After a structural change: codes that only said the position go (the engine gives the new
    position), an emptied group becomes an item again, and a node with children loses its leaf
    kind (a group has none)."""

    def visit(nodes: list[Any]) -> None:
        for node in nodes:
            if not isinstance(node, dict):
                continue
            if POSITIONAL_CODE.fullmatch(str(node.get("code", ""))):
                node.pop("code")
            if "children" in node and not node["children"]:
                node.pop("children")
            if node.get("children"):
                for key in LEAF_ONLY:
                    node.pop(key, None)
                visit(node["children"])

    visit(data.get("sections") or [])


def free_name(siblings: list[dict[str, Any]], wanted: str) -> str:
    """``wanted``, or 「wanted2」, 「wanted3」… when a sibling is already called that."""
    taken = {str(node.get("name")) for node in siblings}
    name, number = wanted, 2
    while name in taken:
        name, number = f"{wanted}{number}", number + 1
    return name


def nodes_with_positions(
    nodes: list[Any], parent: Position = (), path: str = ""
) -> Iterator[tuple[Position, str, dict[str, Any]]]:
    for index, node in enumerate(nodes):
        if isinstance(node, dict):
            here = (
                f"{path}{PATH_SEPARATOR}{node.get('name', '')}"
                if path
                else str(node.get("name", ""))
            )
            yield (*parent, index), here, node
            yield from nodes_with_positions(node.get("children") or [], (*parent, index), here)
