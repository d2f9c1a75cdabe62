"""Where a page's numbers come from: the live result, or one published snapshot.

A page reads the summary (the ranking) and, for a breakdown, the one unit it shows; a
snapshot's frozen records are read for that unit only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.forms import parse_id
from kaohe.results.actions import record_row
from kaohe.results.live import live_result
from kaohe.results.models import LiveResult, Snapshot, unit_result


@dataclass
class Source:
    summary: dict[str, Any]
    result: LiveResult | Snapshot
    snapshot: Snapshot | None = None
    problems: list[str] = field(default_factory=list)
    pending: bool = False  # a change waits for the background recompute

    @property
    def query(self) -> str:
        """The query string that shows this same source again (for links and exports)."""
        return f"snapshot={self.snapshot.number if self.snapshot else LIVE}"

    def unit(self, cycle_unit: CycleUnit) -> dict[str, Any] | None:
        """The unit's result with its tree (one row decoded)."""
        return unit_result(self.summary, self.result.unit_rows(), cycle_unit.label)

    def records_of(self, cycle_unit: CycleUnit) -> list[dict[str, Any]]:
        if self.snapshot is not None:
            frozen = self.snapshot.unit_rows().filter(unit=cycle_unit.label)
            records = frozen.values_list("records", flat=True).first() or []
            kept = set(cycle_unit.records.values_list("id", flat=True))
            return [{**record, "gone": record.get("id") not in kept} for record in records]
        return [record_row(record) for record in cycle_unit.records.order_by("id")]


LIVE = "live"


def chosen_snapshot(request: HttpRequest, cycle: Cycle) -> Snapshot | None:
    """?snapshot=N picks a publication, ?snapshot=live the live result; without it a published
    cycle shows its latest publication and an unpublished one its live result."""
    return snapshot_named(cycle, request.GET.get("snapshot", ""))


def snapshot_named(cycle: Cycle, wanted: str) -> Snapshot | None:
    """The publication ``wanted`` names as ?snapshot= does (a number, live, or the latest)."""
    if wanted == LIVE:
        return None
    if not wanted:
        return cycle.snapshots.order_by("-number").first()
    try:
        return cycle.snapshots.get(number=parse_id(wanted))
    except Snapshot.DoesNotExist as missing:
        raise Http404("没有这次公示") from missing


def pinned_choice(request: HttpRequest, cycle: Cycle) -> str:
    """The page's ?snapshot= choice as a name that means the same results later (a background
    export made after a new publication still shows the one the page showed). Reads no results."""
    wanted = request.GET.get("snapshot", "")
    numbers = cycle.snapshots.order_by("-number").values_list("number", flat=True)
    if wanted == LIVE:
        return LIVE
    if not wanted:
        latest = numbers.first()
        return str(latest) if latest else LIVE
    if not numbers.filter(number=parse_id(wanted)).exists():
        raise Http404("没有这次公示")
    return wanted


def results_label(choice: str) -> str:
    """A pinned choice as the audit log names it: 第 2 次公示, or 实时结果."""
    return "实时结果" if choice == LIVE else f"第 {choice} 次公示"


def source_for(request: HttpRequest, cycle: Cycle) -> Source:
    return source_of(cycle, chosen_snapshot(request, cycle))


def source_of(cycle: Cycle, snapshot: Snapshot | None) -> Source:
    if snapshot is not None:
        return Source(snapshot.summary, snapshot, snapshot)
    live = live_result(cycle)
    return Source(live.summary, live, problems=live.problems, pending=live.pending)


def snapshot_tabs(cycle: Cycle) -> QuerySet[Snapshot]:
    """Every publication of the cycle for the tabs, without its results."""
    return cycle.snapshots.defer("summary")
