"""Live scores: every change to a cycle's facts recomputes its result through the engine.

The latest result is kept as JSON in ``LiveResult``; the engine objects of the last full
computation (with their cross-unit context) stay in this process, so that a change to one
unit can be recomputed with ``engine.compute_unit`` when it cannot move any other unit's
score. When it can (rank-based items, participants' averages, an excellence quota), or when
this process has no context yet, the whole cycle is computed again.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from kaohe import engine
from kaohe.cycles.facts import cycle_facts, cycle_scheme
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.engine.compute.outcome import rank_all
from kaohe.engine.rules.registry import kinds
from kaohe.results.models import LiveResult


@dataclass
class Kept:
    """A cycle's engine result as of one LiveResult revision."""

    revision: int
    result: engine.CycleResult


_kept: dict[int, Kept] = {}


def forget(cycle_id: int) -> None:
    _kept.pop(cycle_id, None)


def affects_only_itself(scheme: engine.Scheme, cycle: Cycle) -> bool:
    """Whether one unit's change leaves every other unit's score (not rank) as it was."""
    registry = kinds()
    cross_rules = any(registry[rule.kind].role == "cross" for rule in scheme.rules.values())
    averages = cycle.cycle_units.exclude(not_participating=[]).exists()
    return not (cross_rules or averages or scheme.excellence_quota is not None)


def compute_cycle(cycle: Cycle) -> engine.CycleResult:
    """A full, authoritative computation (raises engine.FactsError on records that do not fit)."""
    return engine.compute(cycle_scheme(cycle), cycle_facts(cycle))


def compute_one(cycle: Cycle, label: str, kept: Kept) -> engine.CycleResult:
    scheme = cycle_scheme(cycle)
    previous = kept.result
    unit = engine.compute_unit(scheme, cycle_facts(cycle).for_unit(label), previous.context)
    units = {**previous.units, label: unit}
    return engine.CycleResult(scheme, rank_all(scheme, units), previous.context)


def recompute(cycle: Cycle, cycle_unit: CycleUnit | None = None) -> LiveResult:
    """Refresh the cycle's live result; a FactsError is kept as problems, never raised."""
    with transaction.atomic():
        live, _ = LiveResult.objects.select_for_update().get_or_create(cycle=cycle)
        kept = _kept.get(cycle.pk)
        incremental = (
            cycle_unit is not None
            and kept is not None
            and kept.revision == live.revision
            and cycle_unit.label in kept.result.units
            and affects_only_itself(cycle_scheme(cycle), cycle)
        )
        try:
            result = (
                compute_one(cycle, cycle_unit.label, kept)  # type: ignore[union-attr,arg-type]
                if incremental
                else compute_cycle(cycle)
            )
        except engine.FactsError as error:
            live.problems = list(error.problems)
            live.revision += 1
            live.save(update_fields=["problems", "revision", "computed_at"])
            forget(cycle.pk)
            return live
        live.data, live.problems = result.to_dict(), []
        live.revision += 1
        live.save(update_fields=["data", "problems", "revision", "computed_at"])
        _kept[cycle.pk] = Kept(live.revision, result)
        return live


def live_result(cycle: Cycle) -> LiveResult:
    """The cycle's live result, computed once if nothing has been computed yet."""
    live = LiveResult.objects.filter(cycle=cycle).first()
    return live if live is not None else recompute(cycle)
