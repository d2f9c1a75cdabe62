"""Checks across the whole tree: unique rule ids, and every name a rule or node refers to."""

from __future__ import annotations

from collections import Counter

from kaohe.engine.model.scheme import PATH_SEPARATOR, Node, Scheme
from kaohe.engine.rules.escalation import Escalation
from kaohe.engine.rules.rank import Rank


def check_references(scheme: Scheme, label: str, problems: list[str]) -> None:
    ids = Counter(rule.id for node in scheme.nodes.values() for rule in node.rules if rule.id)
    for rule_id, count in ids.items():
        if count > 1:
            problems.append(
                f"{label}: 规则编号「{rule_id}」重复 {count} 次，规则编号在方案内必须唯一"
            )
    for node in scheme.nodes.values():
        check_node_references(scheme, node, f"{label}{PATH_SEPARATOR}{node.path}", problems)


def check_node_references(scheme: Scheme, node: Node, where: str, problems: list[str]) -> None:
    for category in node.applies_to:
        if scheme.categories and category not in scheme.categories:
            problems.append(
                f"{where}: 「applies_to」中的类别「{category}」不在方案的 categories 中"
            )
    for rule in node.rules:
        for category in rule.multipliers:
            if category not in scheme.categories:
                problems.append(
                    f"{where}{PATH_SEPARATOR}规则「{rule.id}」: "
                    f"倍数类别「{category}」不在方案的 categories 中"
                )
        if isinstance(rule.params, Escalation) and rule.params.after not in scheme.rules:
            problems.append(
                f"{where}{PATH_SEPARATOR}规则「{rule.id}」: "
                f"「after」指向不存在的规则「{rule.params.after}」"
            )
        metric = rule.params.metric if isinstance(rule.params, Rank) else "value"
        if metric not in ("value", "total") and scheme.find_node(metric) is None:
            problems.append(
                f"{where}{PATH_SEPARATOR}规则「{rule.id}」: 排名依据「{metric}」不是本方案的指标"
            )
    if node.not_applicable.mode == "move_to":
        check_move_target(scheme, node, where, problems)


def check_move_target(scheme: Scheme, node: Node, where: str, problems: list[str]) -> None:
    parent_path, _, _ = node.path.rpartition(PATH_SEPARATOR)
    siblings = scheme.nodes[parent_path].children if parent_path else scheme.sections
    target = next(
        (sibling for sibling in siblings if sibling.name == node.not_applicable.target), None
    )
    if target is None or target is node:
        problems.append(
            f"{where}: 「move_to」应为同级指标名称，找不到「{node.not_applicable.target}」"
        )
    elif not target.points:
        problems.append(f"{where}: 「move_to」的目标「{target.name}」没有分值，无法按比例放大")
