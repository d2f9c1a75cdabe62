"""Live scores: every change to a cycle's facts recomputes its result through the engine.

A recompute never holds the write lock while it reads and computes: it takes the number of the
latest request first, reads the facts and computes outside any transaction, then stores the
result in one short transaction that records the request it answered. At most one recompute of
a cycle runs at a time (a lease taken with one conditional UPDATE, portable to SQLite and
PostgreSQL); the one holding it also answers the requests that arrive while it runs, so a burst
of saves costs a few recomputes, not one each.

The engine objects of the last computation (with their cross-unit context) stay in this
process, so that a change to one unit can be recomputed with ``engine.compute_unit`` when it
cannot move any other unit's score. When it can (rank-based items, participants' averages, an
excellence quota), or when this process has no context yet, the whole cycle is computed again.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from kaohe import engine
from kaohe.cycles.facts import cycle_facts, cycle_scheme
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.results.models import LiveResult, RecomputeRequests, UnitResult


@dataclass
class Kept:
    """A cycle's engine result as of one LiveResult revision, and the facts it came from."""

    revision: int
    result: engine.CycleResult
    facts: engine.Facts


@dataclass
class Fresh:
    """A new result, its facts, and the units whose node trees it changed (the trees to
    store) since revision ``base`` (None: every tree); ``whole``: computed for the whole
    cycle, so it answers every request so far."""

    result: engine.CycleResult
    facts: engine.Facts
    changed: list[str]
    whole: bool
    base: int | None = None

    def every_tree(self) -> Fresh:
        return Fresh(self.result, self.facts, list(self.result.units), self.whole)


class StoredMeanwhile(Exception):
    """Another process stored a result since the one some trees were left out against."""


_kept: dict[int, Kept] = {}
KEPT_CYCLES = 16  # engine results kept per process; the oldest kept is dropped first
LEASE = datetime.timedelta(minutes=10)  # a recompute still "running" past this had its worker die
BOOKKEEPING = ("cycle", "answered", "revision", "problems")  # a LiveResult's columns but the JSON


def recompute(
    cycle: Cycle, cycle_unit: CycleUnit | None = None, asked: int | None = None
) -> LiveResult:
    """Answer request number ``asked`` (every request so far when None) unless a computation
    already has; engine errors are kept as problems to show, never raised into the save.

    While another recompute of the cycle runs this returns at once: that one counts this
    request before it lets go of the lease (it looks again once it has let go, so a request
    that found the lease taken is never left behind)."""
    while take_lease(cycle):
        try:
            live = answer(cycle, cycle_unit, asked)
        finally:
            release_lease(cycle)
        if not live.pending:
            return live
        cycle_unit, asked = None, None  # the requests that came meanwhile: the whole cycle
    return LiveResult.objects.only(*BOOKKEEPING).get_or_create(cycle=cycle)[0]


def recompute_whole(cycle: Cycle) -> LiveResult:
    """The whole cycle now, whether or not a background recompute runs (publishing)."""
    return answer(cycle, None, None)


def answer(cycle: Cycle, cycle_unit: CycleUnit | None, asked: int | None) -> LiveResult:
    requested = requests_so_far(cycle)  # numbered after its change committed: read below
    live = LiveResult.objects.only(*BOOKKEEPING).get_or_create(cycle=cycle)[0]
    if asked is not None and live.answered >= asked:
        return live  # a later computation already counted it
    # One unit alone only when every earlier request is counted (else their changes are lost).
    alone = cycle_unit if asked is not None and asked == live.answered + 1 else None
    try:
        fresh = fresh_result(cycle, alone, live.revision)
    except engine.EngineError as error:
        return store_problems(cycle, requested, problems_of(error))
    return store_result(cycle, fresh, requested if fresh.whole or asked is None else asked)


def requests_so_far(cycle: Cycle) -> int:
    asked = RecomputeRequests.objects.filter(cycle=cycle)
    return asked.values_list("requested", flat=True).first() or 0


def take_lease(cycle: Cycle) -> bool:
    """True when this recompute may run: no other holds the cycle's lease (or it lapsed)."""
    now = timezone.now()
    free = Q(running_until__isnull=True) | Q(running_until__lt=now)
    leases = RecomputeRequests.objects.filter(free, cycle=cycle)
    if leases.update(running_until=now + LEASE):
        return True
    if RecomputeRequests.objects.filter(cycle=cycle).exists():
        return False
    try:
        with transaction.atomic():
            RecomputeRequests.objects.create(cycle=cycle, running_until=now + LEASE)
    except IntegrityError:
        return False  # another recompute created it first and holds it
    return True


def release_lease(cycle: Cycle) -> None:
    RecomputeRequests.objects.filter(cycle=cycle).update(running_until=None)


def affects_only_itself(scheme: engine.Scheme, cycle: Cycle) -> bool:
    """Whether one unit's change leaves every other unit's score (not rank) as it was."""
    cross_rules = bool(engine.cross_unit_rules(scheme))
    averages = cycle.cycle_units.exclude(not_participating=[]).exists()
    return not (cross_rules or averages or scheme.excellence_quota is not None)


def compute_cycle(cycle: Cycle, facts: engine.Facts | None = None) -> engine.CycleResult:
    """A full, authoritative computation (raises engine.FactsError on records that do not fit);
    ``facts``: the cycle's, when the caller has read them already."""
    scheme = cycle_scheme(cycle)
    return engine.compute(scheme, cycle_facts(cycle, scheme) if facts is None else facts)


def compute_one(
    scheme: engine.Scheme, facts: engine.Facts, label: str, kept: Kept
) -> engine.CycleResult:
    previous = kept.result
    unit = engine.compute_unit(scheme, facts.for_unit(label), previous.context)
    units = {**previous.units, label: unit}
    return engine.CycleResult(scheme, engine.rank_units(scheme, units), previous.context)


def fresh_result(cycle: Cycle, cycle_unit: CycleUnit | None, revision: int) -> Fresh:
    """One unit against the kept context when that is exact, else the whole cycle.

    The kept result is used only when this process made the latest committed revision: a
    computation in another process (another gunicorn worker) bumps the revision and forces a
    full compute that stores every tree. It is taken out while in use, so a failed computation
    leaves nothing behind.
    """
    kept = _kept.pop(cycle.pk, None)
    if kept is not None and kept.revision != revision:
        kept = None
    scheme = cycle_scheme(cycle)
    facts = cycle_facts(cycle, scheme)
    if (
        cycle_unit is not None
        and kept is not None
        and cycle_unit.label in kept.result.units
        and affects_only_itself(scheme, cycle)
    ):
        label = cycle_unit.label
        result = compute_one(scheme, facts, label, kept)
        return Fresh(result, facts, [label], whole=False, base=revision)
    result = compute_cycle(cycle, facts)
    changed = changed_trees(result, facts, kept)
    base = revision if len(changed) < len(result.units) else None
    return Fresh(result, facts, changed, whole=True, base=base)


def changed_trees(result: engine.CycleResult, facts: engine.Facts, kept: Kept | None) -> list[str]:
    """The units whose node trees may differ from the kept result's (the stored ones).

    A unit's tree depends on the scheme, the unit's own facts and the cross-unit figures its
    items are scored against (participants' averages, rank-based positions); its rank and
    grade sit in the summary. So when the scheme, the units and those figures are as kept,
    only the units whose own facts changed have new trees: a save to one unit of 200 writes
    one tree, not 200 (turning a tree into JSON is most of a city cycle's recompute).
    """
    labels = list(result.units)
    if kept is None or not same_context(result, kept.result):
        return labels
    return [label for label in labels if facts.for_unit(label) != kept.facts.for_unit(label)]


def same_context(result: engine.CycleResult, previous: engine.CycleResult) -> bool:
    now, then = result.context, previous.context
    return (
        result.scheme is previous.scheme
        and result.units.keys() == previous.units.keys()
        and now.averages == then.averages
        and now.rank_metrics == then.rank_metrics
        and now.rank_positions == then.rank_positions
    )


def store_result(cycle: Cycle, fresh: Fresh, answers: int) -> LiveResult:
    """The summary and the changed trees, turned to JSON before the transaction; every tree
    when another process stored a result since the one the others were left out against."""
    result = fresh.result
    summary = result.summary_dict()
    trees = {label: result.units[label].node_dicts(result.scheme) for label in fresh.changed}
    try:
        return store_parts(cycle, fresh, summary, trees, answers)
    except StoredMeanwhile:
        return store_result(cycle, fresh.every_tree(), answers)


def store_parts(
    cycle: Cycle,
    fresh: Fresh,
    summary: dict[str, Any],
    trees: dict[str, list[dict[str, Any]]],
    answers: int,
) -> LiveResult:
    """In one short transaction; a result that answered a later request stored meanwhile
    stays (and this one is dropped)."""
    with transaction.atomic():
        live = locked_live(cycle)
        if live.answered > answers:
            return live
        if fresh.base is not None and live.revision != fresh.base:
            raise StoredMeanwhile
        store_trees(cycle, trees, whole=len(trees) == len(fresh.result.units))
        live.summary, live.problems, live.answered = summary, [], answers
        save_live(live, "summary", "problems")
        keep(cycle.pk, Kept(live.revision, fresh.result, fresh.facts))
    return live


def store_problems(cycle: Cycle, answers: int, problems: list[str]) -> LiveResult:
    """The last good result stays; every request up to ``answers`` ends in these problems."""
    with transaction.atomic():
        live = locked_live(cycle)
        live.problems, live.answered = problems, max(live.answered, answers)
        return save_live(live, "problems")


def locked_live(cycle: Cycle) -> LiveResult:
    """The cycle's bookkeeping row, locked on PostgreSQL (SQLite's IMMEDIATE transaction
    already holds the one write lock)."""
    rows = LiveResult.objects.select_for_update().only(*BOOKKEEPING)
    return rows.get_or_create(cycle=cycle)[0]


def store_trees(cycle: Cycle, trees: dict[str, list[dict[str, Any]]], whole: bool) -> None:
    rows = UnitResult.objects.filter(cycle=cycle, snapshot=None)
    if whole:
        rows.delete()
        UnitResult.objects.bulk_create(
            (UnitResult(cycle=cycle, unit=label, nodes=nodes) for label, nodes in trees.items()),
            batch_size=UnitResult.ROWS_PER_INSERT,
        )
        return
    for label, nodes in trees.items():
        if not rows.filter(unit=label).update(nodes=nodes):
            UnitResult.objects.create(cycle=cycle, unit=label, nodes=nodes)


def save_live(live: LiveResult, *changed: str) -> LiveResult:
    live.revision += 1
    live.save(update_fields=[*changed, "revision", "computed_at", "answered"])
    return live


def keep(cycle_id: int, kept: Kept) -> None:
    """Keep the engine result once its revision is committed; a rollback keeps nothing."""

    def store() -> None:
        _kept[cycle_id] = kept
        while len(_kept) > KEPT_CYCLES:
            _kept.pop(next(iter(_kept)))

    transaction.on_commit(store)


def problems_of(error: engine.EngineError) -> list[str]:
    problems = getattr(error, "problems", None)
    return list(problems) if problems else [str(error) or "计算出错"]


def live_result(cycle: Cycle) -> LiveResult:
    """The cycle's live result (without its trees), computed once if never computed yet."""
    live = LiveResult.objects.filter(cycle=cycle).first()
    return live if live is not None else recompute(cycle)
