"""Step 5's cross-unit inputs: participants' averages and rank-based positions.

Averages are read from each unit's own scores (steps 1–4), with the averages of the items below
(deepest first) but never a ranking bonus. Rankings read the same scores with the averages
filled in (a unit that does not take part in an item is ranked with the average it gets for
it), but never with a ranking's amounts, so a ranking never depends on another ranking.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from kaohe.engine.compute.group_scores import aggregate
from kaohe.engine.compute.leaves import LeafScores
from kaohe.engine.compute.plan import Plan
from kaohe.engine.compute.results import Explains, NodeTable
from kaohe.engine.formula import evaluate
from kaohe.engine.model.scheme import PATH_SEPARATOR, Rule
from kaohe.engine.numbers import ZERO
from kaohe.engine.rules.base import UnitView
from kaohe.engine.rules.rank import Rank


@dataclass
class UnitDraft:
    """A unit after steps 1–4, waiting for the cross-unit context."""

    view: UnitView
    absent: frozenset[str]
    leaves: LeafScores
    nodes: NodeTable
    explainer: Explains


def participants_averages(plan: Plan, drafts: Iterable[UnitDraft]) -> dict[str, Decimal]:
    """For every item some unit does not take part in, the participants' average score.

    Each participant's score is the one its own result shows for the item: deepest items
    first, so that a group's average reads a participant's group with the averages its own
    absent sub-items get (Q's 业务 is 窗口's average + 日常, not 0 + 日常); and on the item's
    own points, before a sibling's ``move_to`` points rescaled it (28 of 30, not 32.67 of 35).
    """
    drafts = list(drafts)
    needed = {path for draft in drafts for path in draft.absent}
    averages: dict[str, Decimal] = {}
    for depth in sorted({path.count(PATH_SEPARATOR) for path in needed}, reverse=True):
        level = [path for path in needed if path.count(PATH_SEPARATOR) == depth]
        tables = [settled_nodes(plan, draft, averages) for draft in drafts]
        averages |= average_over_participants(level, tables)
    return averages


def settled_nodes(plan: Plan, draft: UnitDraft, averages: Mapping[str, Decimal]) -> NodeTable:
    """The unit's scores with the averages known so far given to the items it is absent from."""
    if not (draft.absent and averages):
        return draft.nodes
    return aggregate(plan, draft.leaves.tables, draft.absent, averages, None)


def average_over_participants(paths: Iterable[str], tables: list[NodeTable]) -> dict[str, Decimal]:
    averages: dict[str, Decimal] = {}
    for path in paths:
        scores = [nodes.own_score(path) for nodes in tables if path not in nodes.absent]
        if scores:
            averages[path] = sum(scores, ZERO) / len(scores)
    return averages


def ranking_nodes(plan: Plan, draft: UnitDraft, averages: Mapping[str, Decimal]) -> NodeTable:
    """The unit's scores as rankings read them: items it does not take part in settled (the
    participants' average, 满分, 0 or moved), no rank amount yet."""
    if not draft.absent:
        return draft.nodes
    return aggregate(plan, draft.leaves.tables, draft.absent, averages, None)


def rank_metric(plan: Plan, rule: Rule, draft: UnitDraft, nodes: NodeTable) -> Decimal | None:
    """The number a rank rule ranks this unit on (from ``ranking_nodes``), or None when the
    unit is not ranked."""
    params = rule.params
    assert isinstance(params, Rank)
    if not draft.nodes[rule.node_path].applies:
        return None
    if params.metric == "value":
        values = [
            r.value for r in draft.view.records_by_rule.get(rule.id, ()) if r.value is not None
        ]
        return sum(values, ZERO) if values else None
    if params.metric == "total":
        subtotals = {s.name: nodes.scores[s.path] for s in plan.scheme.sections}
        return evaluate(plan.scheme.formula, subtotals)
    node = plan.scheme.find_node(params.metric)
    assert node is not None
    return nodes.scores[node.path]


def better(rule: Rule, left: Decimal, right: Decimal) -> bool:
    """Whether ``left`` places ahead of ``right`` in the direction the rule counts from."""
    params = rule.params
    assert isinstance(params, Rank)
    higher_first = params.descending == params.from_top
    return left > right if higher_first else left < right


def positions(rule: Rule, metrics: Mapping[str, Decimal]) -> dict[str, int]:
    """Competition positions (1, 1, 3): ties share a position."""
    params = rule.params
    assert isinstance(params, Rank)
    higher_first = params.descending == params.from_top
    ordered = sorted(metrics.items(), key=lambda item: item[1], reverse=higher_first)
    result: dict[str, int] = {}
    previous: Decimal | None = None
    for index, (unit, metric) in enumerate(ordered, start=1):
        if metric != previous:
            position, previous = index, metric
        result[unit] = position
    return result


def position_among(rule: Rule, metric: Decimal, others: Mapping[str, Decimal], unit: str) -> int:
    """One unit's position against the others' metrics, without re-sorting everyone."""
    ahead = sum(1 for name, value in others.items() if name != unit and better(rule, value, metric))
    return ahead + 1
