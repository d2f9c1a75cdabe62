"""Things worth a second look in a valid scheme: they load, but may not be what was meant."""

from __future__ import annotations

from kaohe.engine.loading.nodes import earns_points
from kaohe.engine.model.scheme import PATH_SEPARATOR, Node, Scheme
from kaohe.engine.numbers import ZERO, show


def scheme_notes(scheme: Scheme) -> list[str]:
    """Chinese notes naming the node path, for ``kaohe scheme check`` and the scheme editor."""
    notes: list[str] = []
    for node in scheme.nodes.values():
        notes += node_notes(node)
    return notes + flagged_rule_notes(scheme)


def flagged_rule_notes(scheme: Scheme) -> list[str]:
    """One note per rule the reader was unsure of (the editor shows these as its to-do cards)."""
    return [
        f"{rule.node_path}{PATH_SEPARATOR}规则「{rule.title}」由文本识别而来，把握不足，请人工核对"
        for rule in scheme.rules.values()
        if rule.flagged
    ]


def node_notes(node: Node) -> list[str]:
    if node.is_group:
        full = [child.points or ZERO for child in node.children if earns_points(child)]
        if node.points is not None and full and sum(full, ZERO) < node.points:
            total, points = show(sum(full, ZERO)), show(node.points)
            return [f"{node.path}: 子指标分值合计 {total} 少于本级分值 {points}，无人能得满分"]
        return []
    if not node.rules and node.kind == "scored":
        return [f"{node.path}: 没有评分规则，所有单位都将得满分"]
    if not node.rules and node.kind in ("bonus", "penalty"):
        return [f"{node.path}: 没有评分规则，本项总是 0 分"]
    return []
