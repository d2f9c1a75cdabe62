"""compute (all units of a cycle) and compute_unit (one unit against a known context)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from kaohe.engine.compute.context import (
    UnitDraft,
    participants_averages,
    position_among,
    positions,
    rank_metric,
    ranking_nodes,
)
from kaohe.engine.compute.explainer import UnitExplainer
from kaohe.engine.compute.facts_by_rule import unit_view
from kaohe.engine.compute.group_scores import aggregate
from kaohe.engine.compute.leaves import enter, score_leaf, score_leaves
from kaohe.engine.compute.outcome import apply_vetoes, rank_all, rank_one, standing_of, total_of
from kaohe.engine.compute.plan import Plan, plan_for
from kaohe.engine.compute.results import CycleContext, CycleResult, UnitResult, VetoEffect
from kaohe.engine.compute.tables import Tables
from kaohe.engine.errors import FactsError
from kaohe.engine.model.facts import Facts, UnitFacts
from kaohe.engine.model.scheme import Scheme
from kaohe.engine.rules.base import UnitView, where


def compute(scheme: Scheme, facts: Facts) -> CycleResult:
    """Score every unit of the cycle, following docs/scoring.md step by step."""
    with collector_paused():
        return compute_cycle(scheme, facts)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while scoring a large cycle.

    Scoring allocates hundreds of thousands of small acyclic objects while the records stay
    alive; the collector would rescan them over and over and double the run time. Reference
    counting still frees everything; the collector's previous state is restored afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def compute_cycle(scheme: Scheme, facts: Facts) -> CycleResult:
    plan = plan_for(scheme)
    problems = undeclared_units(facts)
    drafts = {name: draft_unit(plan, facts.for_unit(name), problems) for name in facts.all_units}
    if problems:
        raise FactsError(problems)
    averages = participants_averages(plan, drafts.values())
    ranked = {name: ranking_nodes(plan, d, averages) for name, d in drafts.items() if plan.cross}
    metrics = {
        rule.id: {
            name: m
            for name, d in drafts.items()
            if (m := rank_metric(plan, rule, d, ranked[name])) is not None
        }
        for rule in plan.cross
    }
    context = CycleContext(
        averages=averages,
        rank_metrics=metrics,
        rank_positions={rule.id: positions(rule, metrics[rule.id]) for rule in plan.cross},
    )
    results = {name: finish_unit(plan, draft, context) for name, draft in drafts.items()}
    standings = {name: standing_of(scheme, result) for name, result in results.items()}
    context = CycleContext(context.averages, metrics, context.rank_positions, standings)
    return CycleResult(scheme, rank_all(scheme, results), context)


def undeclared_units(facts: Facts) -> list[str]:
    """When the facts name the units, a record for any other name is a typo, not a new unit."""
    strangers = set(facts.undeclared())
    if not strangers:
        return []
    problems = [
        f"{where(record)}：被考核单位「{record.unit}」不在单位名单中"
        for record in facts.records
        if record.unit in strangers
    ]
    problems += [
        f"测评分：被考核单位「{evaluation.unit}」不在单位名单中"
        for evaluation in facts.evaluations
        if evaluation.unit in strangers
    ]
    return problems


def compute_unit(scheme: Scheme, unit_facts: UnitFacts, context: CycleContext) -> UnitResult:
    """Recompute one unit after its facts changed, against the other units' known context.

    Only this unit's records are scored again; its rank-based positions, rank and quota are
    found against the other units as they stood in ``context``. The other units' own results
    are not updated: run ``compute`` for an authoritative cycle result.
    """
    plan = plan_for(scheme)
    problems: list[str] = []
    draft = draft_unit(plan, unit_facts, problems)
    if problems:
        raise FactsError(problems)
    name = unit_facts.unit.name
    nodes = ranking_nodes(plan, draft, context.averages) if plan.cross else draft.nodes
    own_positions = {
        rule.id: {name: position_among(rule, metric, context.rank_metrics.get(rule.id, {}), name)}
        for rule in plan.cross
        if (metric := rank_metric(plan, rule, draft, nodes)) is not None
    }
    result = finish_unit(plan, draft, CycleContext(context.averages, {}, own_positions))
    rank_one(scheme, result, context.standings)
    return result


def draft_unit(plan: Plan, unit_facts: UnitFacts, problems: list[str]) -> UnitDraft:
    """Steps 1–4 for one unit, with no knowledge of other units."""
    view = unit_view(plan, unit_facts, problems)
    absent = plan.absent(unit_facts.unit)
    explainer = UnitExplainer(plan, unit_facts, absent)
    leaves = score_leaves(plan, view, absent, explainer)
    problems.extend(leaves.problems)
    for path, parts in leaves.pending.items():
        enter(leaves.tables, path, score_leaf(parts, ()))
    nodes = aggregate(plan, leaves.tables, absent, {}, explainer)
    if not (plan.cross or leaves.pending or absent):
        # Nothing after this step reads the records again: let the unit's grouped records go
        # now, while they are still in the processor's cache, not with every other unit's.
        view = UnitView(view.unit, {}, {}, view.periods, as_of=view.as_of)
    return UnitDraft(view, absent, leaves, nodes, explainer)


def finish_unit(plan: Plan, draft: UnitDraft, context: CycleContext) -> UnitResult:
    """Steps 5–9 for one unit given the context: cross-unit items, formula, vetoes, grade."""
    nodes = draft.nodes
    if draft.leaves.pending or draft.absent:
        leaves = cross_leaves(plan, draft, context)
        nodes = aggregate(plan, leaves, draft.absent, context.averages, draft.explainer)
    scheme = plan.scheme
    sections = {section.name: nodes.scores[section.path] for section in scheme.sections}
    total, line = total_of(scheme, sections)
    unit = draft.view.unit
    result = UnitResult(unit.name, unit.categories, nodes, sections, total, total, [line])
    result.vetoes = [
        VetoEffect(hit.rule.id, hit.consequence, hit.grade, hit.line) for hit in draft.leaves.vetoes
    ]
    result.warnings = list(draft.leaves.warnings)
    apply_vetoes(scheme, result)
    return result


def cross_leaves(plan: Plan, draft: UnitDraft, context: CycleContext) -> Tables:
    """The unit's leaves with the rank-based amounts added, from the cycle context."""
    name = draft.view.unit.name
    ranks = {
        rule_id: by_unit[name]
        for rule_id, by_unit in context.rank_positions.items()
        if name in by_unit
    }
    view = replace(draft.view, rank_position=ranks)
    own = draft.leaves.tables
    scores = dict(own.scores)
    leaves = Tables(scores, dict(own.lines), scores)
    for path, parts in draft.leaves.pending.items():
        extra = []
        for rule in plan.scheme.nodes[path].rules:
            if plan.kinds[rule.kind].role == "cross":
                extra.extend(plan.kinds[rule.kind].apply(rule, parts.node, (), view).contributions)
        enter(leaves, path, score_leaf(parts, extra))
    return leaves
