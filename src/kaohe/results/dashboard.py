"""What the charts page and the leader dashboard read: the result each cycle shows, a unit's
cycles of the same scheme, and the units' trees — restricted to the units the user may read
(kaohe.cycles.access decides which)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from kaohe.cycles.access import may_read_results, visible_cycle_units
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.results import charts
from kaohe.results.models import LiveResult, Snapshot, UnitResult


def shown_summary(cycle: Cycle) -> dict[str, Any]:
    """The summary a cycle's pages open on: its latest publication, else its live result as last
    computed (nothing is computed here)."""
    published = Snapshot.objects.filter(cycle=cycle).order_by("-number")
    found = published.values_list("summary", flat=True).first()
    if found is None:
        found = LiveResult.objects.filter(cycle=cycle).values_list("summary", flat=True).first()
    return found or {}


def only(summary: dict[str, Any], labels: set[str] | None) -> dict[str, Any]:
    """The summary with the units in ``labels`` alone (all of them when None)."""
    if labels is None:
        return summary
    return {**summary, "units": [u for u in summary.get("units", []) if u["unit"] in labels]}


def trees(rows: QuerySet[UnitResult], labels: set[str] | None) -> list[list[dict[str, Any]]]:
    """The node trees of the units in ``labels`` (all when None), one row each."""
    chosen = rows if labels is None else rows.filter(unit__in=labels)
    return list(chosen.values_list("nodes", flat=True))


def same_scheme_units(cycle_unit: CycleUnit, user: Any) -> list[CycleUnit]:
    """The unit in every cycle of its cycle's scheme whose results the user may read, oldest
    cycle first."""
    scheme = cycle_unit.cycle.scheme_version.scheme_id
    found = CycleUnit.objects.filter(
        unit_id=cycle_unit.unit_id, cycle__scheme_version__scheme_id=scheme
    ).select_related("cycle", "unit")
    ordered = found.order_by("cycle__starts_on", "cycle_id")
    return [one for one in ordered if may_read_results(user, one)]


def trend_of(cycle_unit: CycleUnit, user: Any) -> list[dict[str, Any]]:
    """The unit's total, rank and grade in each cycle of the same scheme."""
    points = []
    for one in same_scheme_units(cycle_unit, user):
        points += charts.unit_trend(one.label, [(one.cycle.name, shown_summary(one.cycle))])
    return points


def led_units(user: Any, cycle: Cycle) -> list[CycleUnit]:
    """The cycle's units whose results the user reads (a leader's units; every unit for the
    office)."""
    return list(visible_cycle_units(user).filter(cycle=cycle).order_by("id"))


def dashboard_cycles(user: Any) -> list[Cycle]:
    """Cycles with a unit whose results the user reads, newest first."""
    ids = visible_cycle_units(user).values("cycle_id")
    found = Cycle.objects.filter(pk__in=ids).select_related("scheme_version__scheme")
    return list(found.order_by("-starts_on", "-id"))
