"""Steps 4–5 for one unit: group sums within bounds, and items the unit does not take part in."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from kaohe.engine.compute.plan import Plan
from kaohe.engine.compute.results import NodeResult
from kaohe.engine.model.scheme import Node
from kaohe.engine.numbers import ZERO, clamp, show
from kaohe.engine.rules.base import Line


def aggregate(
    plan: Plan,
    leaves: Mapping[str, NodeResult],
    absent: frozenset[str],
    averages: Mapping[str, Decimal],
) -> dict[str, NodeResult]:
    """Every node's result: leaves as given (or their defaults), groups summed bottom-up."""
    # The template lists every node in tree order with each leaf's no-record result, so copying
    # it and laying the scored leaves over it keeps the order without sorting.
    results: dict[str, NodeResult] = plan.template.copy()  # type: ignore[assignment]
    results.update(leaves)
    if absent:
        mark_absent(plan, results, absent, averages)
    for group, child_paths in plan.groups_bottom_up:
        if group.path not in absent:
            results[group.path] = sum_group(group, child_paths, results, absent)
    if absent:
        rescale_moved(plan.scheme.sections, results, absent)
    return results


def mark_absent(
    plan: Plan,
    results: dict[str, NodeResult],
    absent: frozenset[str],
    averages: Mapping[str, Decimal],
) -> None:
    for path in absent:
        node = plan.scheme.nodes[path]
        for descendant in node.walk():
            results[descendant.path] = NodeResult(
                descendant.path, ZERO, (Line("不参加本项考核", ()),), applies=False
            )
        results[path] = absent_result(node, averages)


def absent_result(node: Node, averages: Mapping[str, Decimal]) -> NodeResult:
    rule = node.not_applicable
    if rule.mode == "average":
        if node.path not in averages:
            line = Line("不参加本项考核；尚无参加单位的得分，暂按 0 分计", ())
            return NodeResult(node.path, ZERO, (line,), applies=False)
        average = averages[node.path]
        line = Line("不参加本项考核，得参加单位的平均分 {} 分", (average,))
        return NodeResult(node.path, average, (line,), applies=False)
    if rule.mode == "full":
        line = Line("不参加本项考核，按满分 {} 分计", (node.points or ZERO,))
        return NodeResult(node.path, node.points or ZERO, (line,), applies=False)
    if rule.mode == "zero":
        return NodeResult(node.path, ZERO, (Line("不参加本项考核，按 0 分计", ()),), applies=False)
    line = Line("不适用本项，{} 分并入「{}」", (node.points or ZERO, rule.target))
    return NodeResult(node.path, ZERO, (line,), applies=False)


def sum_group(
    group: Node,
    child_paths: tuple[str, ...],
    results: dict[str, NodeResult],
    absent: frozenset[str],
) -> NodeResult:
    """Step 4: clamp(Σ children, floor, cap), after rescaling siblings that took moved points."""
    if absent:
        rescale_moved(group.children, results, absent)
    total = ZERO
    for path in child_paths:
        total += results[path].score
    score = clamp(total, group.floor, group.cap)
    if score == total:
        line = Line("各项合计 {} 分", (total,))
    elif group.cap is not None and total > group.cap:
        line = Line("各项合计 {} 分，本级封顶 {} 分，得 {} 分", (total, group.cap, score))
    else:
        floor = "扣完为止" if group.floor == 0 else f"最多扣至 {show(group.floor or ZERO)} 分"
        line = Line("各项合计 {} 分，本级{}，得 {} 分", (total, floor, score))
    return NodeResult(group.path, score, (line,))


def rescale_moved(
    siblings: tuple[Node, ...], results: dict[str, NodeResult], absent: frozenset[str]
) -> None:
    for node in siblings:
        if node.path in absent and node.not_applicable.mode == "move_to":
            rescale_target(siblings, node, results)


def rescale_target(siblings: tuple[Node, ...], moved: Node, results: dict[str, NodeResult]) -> None:
    target = next(node for node in siblings if node.name == moved.not_applicable.target)
    current = results[target.path]
    own = target.points or Decimal(1)
    # Multiply before dividing: 27.6 × 35 ÷ 30 is exactly 32.2, 27.6 × (35 ÷ 30) is not.
    score = current.score * (own + (moved.points or ZERO)) / own
    line = Line(
        "「{}」不适用，其 {} 分并入本项，按比例放大：{} × {} ÷ {} = {} 分",
        (moved.name, moved.points or ZERO, current.score, own + (moved.points or ZERO), own, score),
    )
    results[target.path] = NodeResult(target.path, score, (*current.lines, line), current.applies)
