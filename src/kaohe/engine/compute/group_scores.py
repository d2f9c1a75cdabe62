"""Steps 4–5 for one unit: group sums within bounds, and items the unit does not take part in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from kaohe.engine.compute.plan import Plan
from kaohe.engine.compute.results import Explains, NodeTable
from kaohe.engine.compute.tables import Tables, group_line
from kaohe.engine.model.scheme import Node
from kaohe.engine.numbers import ZERO, round_half_up
from kaohe.engine.rules.base import Line

NOT_TAKING_PART = (Line("不参加本项考核", ()),)


def aggregate(
    plan: Plan,
    leaves: Tables,
    absent: frozenset[str],
    averages: Mapping[str, Decimal],
    explainer: Explains | None,
) -> NodeTable:
    """Every node's score: leaves as given (or their defaults), groups summed bottom-up."""
    # The defaults list every node in tree order, so laying the scored leaves over a copy
    # keeps the order without sorting.
    tables = Tables(
        plan.default_scores.copy(),
        # only absent and rounded items add lines here
        dict(leaves.lines) if absent or plan.rounded else leaves.lines,
        leaves.scores,
        plan.default_lines,
    )
    tables.scores.update(leaves.scores)
    outside = plan.absent_all(absent)
    if absent:
        mark_absent(plan, tables, absent, averages)
    if plan.rounded:
        round_items(plan.rounded, tables, outside - absent, explainer)
    if absent:
        for group, child_paths in plan.groups_bottom_up:
            if group.path not in outside:
                rescale_moved(group.children, tables, absent, explainer)
                sum_groups(((group, child_paths),), tables.scores)
        rescale_moved(plan.scheme.sections, tables, absent, explainer)
    else:
        sum_groups(plan.groups_bottom_up, tables.scores)
    return NodeTable(
        tables.scores,
        tables.lines,
        tables.recorded,
        outside,
        plan.default_lines,
        explainer,
        plan.groups,
        tables.unscaled,
    )


def mark_absent(
    plan: Plan, tables: Tables, absent: frozenset[str], averages: Mapping[str, Decimal]
) -> None:
    for path in absent:
        node = plan.scheme.nodes[path]
        for descendant in node.walk():
            tables.scores[descendant.path] = ZERO
            tables.lines[descendant.path] = NOT_TAKING_PART
        tables.scores[path], line = absent_score(node, averages)
        tables.lines[path] = (line,)


def round_items(
    items: tuple[Node, ...],
    tables: Tables,
    inside_absent: frozenset[str],
    explainer: Explains | None,
) -> None:
    """本项得分保留 N 位小数: each such item's score rounded half-up before the groups sum it."""
    for node in items:
        path = node.path
        if path in inside_absent or node.decimals is None:
            continue
        score = tables.scores[path]
        rounded = round_half_up(score, node.decimals)
        if rounded == score:
            continue
        line = Line("本项保留 {} 位小数（四舍五入），得 {} 分", (node.decimals, str(rounded)))
        tables.scores[path] = rounded
        tables.lines[path] = (*earlier_lines(node, tables, explainer), line)


def earlier_lines(node: Node, tables: Tables, explainer: Explains | None) -> tuple[Line, ...]:
    """A node's lines so far, before one more is added to them."""
    path = node.path
    if explainer is not None and tables.explained_later(path):
        return explainer.lines_for(path)
    if node.is_group and path not in tables.lines:
        return (group_line(node, tables.scores),)
    return tables.lines.get(path) or tables.defaults.get(path, ())


def absent_score(node: Node, averages: Mapping[str, Decimal]) -> tuple[Decimal, Line]:
    rule = node.not_applicable
    if rule.mode == "average":
        if node.path not in averages:
            return ZERO, Line("不参加本项考核；尚无参加单位的得分，暂按 0 分计", ())
        average = averages[node.path]
        return average, Line("不参加本项考核，得参加单位的平均分 {} 分", (average,))
    if rule.mode == "full":
        return node.points or ZERO, Line("不参加本项考核，按满分 {} 分计", (node.points or ZERO,))
    if rule.mode == "zero":
        return ZERO, Line("不参加本项考核，按 0 分计", ())
    return ZERO, Line("不适用本项，{} 分并入「{}」", (node.points or ZERO, rule.target))


def sum_groups(groups: Iterable[tuple[Node, tuple[str, ...]]], scores: dict[str, Decimal]) -> None:
    """Step 4 for each group in turn: clamp(Σ children, floor, cap), once siblings that took
    moved points are rescaled. One call sums a unit's whole tree (80,000 groups in the
    benchmark's province).

    The line that explains a sum is written only when read (``NodeTable``, ``group_line``)."""
    child_score = scores.__getitem__
    for group, child_paths in groups:
        total = sum(map(child_score, child_paths), ZERO)
        floor, cap = group.floor, group.cap
        if floor is not None and total < floor:
            total = floor
        elif cap is not None and total > cap:
            total = cap
        scores[group.path] = total


def rescale_moved(
    siblings: tuple[Node, ...],
    tables: Tables,
    absent: frozenset[str],
    explainer: Explains | None,
) -> None:
    """Each sibling that took the points of items the unit does not take part in, rescaled once
    for all of them: two 5-point items into a 30-point one scale it by 40 ÷ 30, not by
    35 ÷ 30 twice. Points moved to an item the unit does not take part in either go on to
    where that item's own points go."""
    moved_to: dict[str, list[Node]] = {}
    by_name = {node.name: node for node in siblings}
    for node in siblings:
        if moves(node, absent):
            moved_to.setdefault(final_target(node, by_name, absent).name, []).append(node)
    for target_name, moved in moved_to.items():
        rescale_target(by_name[target_name], moved, tables, explainer)


def moves(node: Node, absent: frozenset[str]) -> bool:
    return node.path in absent and node.not_applicable.mode == "move_to"


def final_target(node: Node, by_name: Mapping[str, Node], absent: frozenset[str]) -> Node:
    target = by_name[node.not_applicable.target]
    seen = {node.name}
    while moves(target, absent) and target.name not in seen:
        seen.add(target.name)
        target = by_name[target.not_applicable.target]
    return target


def rescale_target(
    target: Node, moved: list[Node], tables: Tables, explainer: Explains | None
) -> None:
    path = target.path
    current = tables.scores[path]
    own = target.points or Decimal(1)
    extra = sum((node.points or ZERO for node in moved), ZERO)
    # Multiply before dividing: 27.6 × 35 ÷ 30 is exactly 32.2, 27.6 × (35 ÷ 30) is not.
    score = current * (own + extra) / own
    names = "、".join(f"「{node.name}」" for node in moved)
    line = Line(
        "{}不适用，其 {} 分并入本项，按比例放大：{} × {} ÷ {} = {} 分",
        (names, extra, current, own + extra, own, score),
    )
    earlier = earlier_lines(target, tables, explainer)
    tables.unscaled.setdefault(path, current)
    tables.scores[path] = score
    tables.lines[path] = (*earlier, line)
