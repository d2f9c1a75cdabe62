"""The usual government layout of an indicator table, shared by the xlsx and docx exporters.

One row per leaf indicator; the hierarchy columns (一级指标, 二级指标, …) carry group names with
their points written in (「重点任务（15分）」) and are merged down over the group's rows; a leaf
above the deepest level is merged across the remaining hierarchy columns. The importers read this
layout back to the same scheme.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

LEVEL_HEADERS = ("一级指标", "二级指标", "三级指标", "四级指标", "五级指标", "六级指标")
DATA_HEADERS = ("分值", "考核要点及评价标准", "考评单位", "分管领导", "责任科室", "责任人")
TITLE_FONT = "黑体"
HEADER_FONT = "黑体"
BODY_FONT = "仿宋_GB2312"


@dataclass(frozen=True)
class Merge:
    """A merged area in data coordinates: rows and columns counted from 0, ends exclusive."""

    top: int
    left: int
    bottom: int
    right: int


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: list[list[str]]
    merges: list[Merge]
    depth: int


def scheme_table(scheme: dict[str, Any]) -> Table:
    paths = list(_leaf_paths(scheme.get("sections", []), ()))
    depth = max((len(path) for path in paths), default=1)
    rows = [_row(path, depth) for path in paths]
    merges = _vertical_merges(paths, depth) + _horizontal_merges(paths, depth)
    headers = LEVEL_HEADERS[:depth] + DATA_HEADERS
    return Table(str(scheme.get("name", "")), headers, rows, merges, depth)


def points_cell(node: dict[str, Any]) -> str:
    """The 分值 cell: plain points, or the penalty allowance / bonus cap in words."""
    kind = node.get("kind")
    points = number(node.get("points"))
    if kind == "penalty":
        return f"倒扣分{points}"
    if kind == "bonus":
        cap = node.get("cap")
        if cap is None:
            return f"加分{points}（不封顶）"
        same = Decimal(str(cap)) == Decimal(str(node.get("points") or 0))
        return f"加分最高{points}" if same else f"加分{points}（最高{number(cap)}）"
    floor = node.get("floor")
    if floor is not None and Decimal(str(floor)) != 0:
        return f"{points}（倒扣分{number(-Decimal(str(floor)))}分）"
    return points


def group_label(node: dict[str, Any]) -> str:
    """「重点任务（15分）」, with the group's own description on the lines below."""
    points = number(node.get("points"))
    floor = node.get("floor")
    if node.get("kind") == "penalty":
        annotation = f"倒扣分{points}分"
    elif floor:
        annotation = f"{points}分，倒扣分{number(-Decimal(str(floor)))}分"
    else:
        annotation = f"{points}分"
    label = f"{node['name']}（{annotation}）" if points else str(node["name"])
    return f"{label}\n{node['criteria']}" if node.get("criteria") else label


def number(value: Any) -> str:
    if value is None:
        return ""
    text = format(Decimal(str(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _leaf_paths(
    nodes: list[dict[str, Any]], above: tuple[dict[str, Any], ...]
) -> list[tuple[dict[str, Any], ...]]:
    paths: list[tuple[dict[str, Any], ...]] = []
    for node in nodes:
        path = (*above, node)
        children = node.get("children") or []
        paths.extend(_leaf_paths(children, path) if children else [path])
    return paths


def _row(path: tuple[dict[str, Any], ...], depth: int) -> list[str]:
    leaf = path[-1]
    levels = [group_label(node) for node in path[:-1]] + [leaf["name"]]
    levels += [""] * (depth - len(levels))
    owners = leaf.get("owners") or {}
    return [
        *levels,
        points_cell(leaf),
        str(leaf.get("criteria", "")),
        str(leaf.get("assessor", "")),
        "\n".join(owners.get("leaders", [])),
        "、".join(owners.get("units", [])),
        "\n".join(owners.get("persons", [])),
    ]


def _vertical_merges(paths: list[tuple[dict[str, Any], ...]], depth: int) -> list[Merge]:
    merges: list[Merge] = []
    for level in range(depth):
        start = 0
        for index in range(1, len(paths) + 1):
            if (
                index < len(paths)
                and _group_at(paths[index], level) is not None
                and (_group_at(paths[index], level) is _group_at(paths[start], level))
            ):
                continue
            if index - start > 1 and _group_at(paths[start], level) is not None:
                merges.append(Merge(start, level, index, level + 1))
            start = index
    return merges


def _horizontal_merges(paths: list[tuple[dict[str, Any], ...]], depth: int) -> list[Merge]:
    return [
        Merge(index, len(path) - 1, index + 1, depth)
        for index, path in enumerate(paths)
        if len(path) < depth
    ]


def _group_at(path: tuple[dict[str, Any], ...], level: int) -> dict[str, Any] | None:
    return path[level] if level < len(path) - 1 else None
