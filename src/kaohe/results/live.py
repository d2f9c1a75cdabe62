"""Live scores: every change to a cycle's facts recomputes its result through the engine.

The latest result is kept as JSON in ``LiveResult``; the engine objects of the last full
computation (with their cross-unit context) stay in this process, so that a change to one
unit can be recomputed with ``engine.compute_unit`` when it cannot move any other unit's
score. When it can (rank-based items, participants' averages, an excellence quota), or when
this process has no context yet, the whole cycle is computed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from kaohe import engine
from kaohe.cycles.facts import cycle_facts, cycle_scheme
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.results.models import LiveResult


@dataclass
class Kept:
    """A cycle's engine result as of one LiveResult revision."""

    revision: int
    result: engine.CycleResult


_kept: dict[int, Kept] = {}
KEPT_CYCLES = 16  # engine results kept per process; the oldest kept is dropped first


def affects_only_itself(scheme: engine.Scheme, cycle: Cycle) -> bool:
    """Whether one unit's change leaves every other unit's score (not rank) as it was."""
    cross_rules = bool(engine.cross_unit_rules(scheme))
    averages = cycle.cycle_units.exclude(not_participating=[]).exists()
    return not (cross_rules or averages or scheme.excellence_quota is not None)


def compute_cycle(cycle: Cycle) -> engine.CycleResult:
    """A full, authoritative computation (raises engine.FactsError on records that do not fit)."""
    scheme = cycle_scheme(cycle)
    return engine.compute(scheme, cycle_facts(cycle, scheme))


def compute_one(scheme: engine.Scheme, cycle: Cycle, label: str, kept: Kept) -> engine.CycleResult:
    previous = kept.result
    facts = cycle_facts(cycle, scheme).for_unit(label)
    unit = engine.compute_unit(scheme, facts, previous.context)
    units = {**previous.units, label: unit}
    return engine.CycleResult(scheme, engine.rank_units(scheme, units), previous.context)


def recompute(
    cycle: Cycle, cycle_unit: CycleUnit | None = None, asked: int | None = None
) -> LiveResult:
    """Refresh the cycle's live result; engine errors (a FactsError for a record that does not
    fit) are kept as problems to show on the results pages, never raised into the save.

    ``asked`` is the number of the request this computation answers (see ``LiveResult``). A
    computation of the whole cycle answers every request made before it took the row lock: each
    request is numbered only after its change committed, so its facts are read here.
    """
    with transaction.atomic():
        live, _ = LiveResult.objects.select_for_update().get_or_create(cycle=cycle)
        try:
            result, whole = fresh_result(cycle, cycle_unit, live.revision)
        except engine.EngineError as error:
            live.answered = live.requested  # every request so far ends in the same problem
            return save_live(live, live.data, problems_of(error))
        live.answered = max(live.answered, live.requested if whole else asked or 0)
        save_live(live, result.to_dict(), [])
        keep(cycle.pk, Kept(live.revision, result))
        return live


def keep(cycle_id: int, kept: Kept) -> None:
    """Keep the engine result once its revision is committed; a rollback keeps nothing."""

    def store() -> None:
        _kept[cycle_id] = kept
        while len(_kept) > KEPT_CYCLES:
            _kept.pop(next(iter(_kept)))

    transaction.on_commit(store)


def fresh_result(
    cycle: Cycle, cycle_unit: CycleUnit | None, revision: int
) -> tuple[engine.CycleResult, bool]:
    """One unit against the kept context when that is exact, else the whole cycle (True).

    The kept result is used only when this process made the latest committed revision: a
    computation in another process (another gunicorn worker) bumps the revision and forces a
    full compute. It is taken out while in use, so a failed computation leaves nothing behind.
    """
    kept = _kept.pop(cycle.pk, None)
    if (
        cycle_unit is not None
        and kept is not None
        and kept.revision == revision
        and cycle_unit.label in kept.result.units
    ):
        scheme = cycle_scheme(cycle)
        if affects_only_itself(scheme, cycle):
            return compute_one(scheme, cycle, cycle_unit.label, kept), False
    return compute_cycle(cycle), True


def save_live(live: LiveResult, data: dict[str, Any], problems: list[str]) -> LiveResult:
    live.data, live.problems = data, problems
    live.revision += 1
    live.save(update_fields=["data", "problems", "revision", "computed_at", "answered"])
    return live


def problems_of(error: engine.EngineError) -> list[str]:
    problems = getattr(error, "problems", None)
    return list(problems) if problems else [str(error) or "计算出错"]


def live_result(cycle: Cycle) -> LiveResult:
    """The cycle's live result, computed once if nothing has been computed yet."""
    live = LiveResult.objects.filter(cycle=cycle).first()
    return live if live is not None else recompute(cycle)
