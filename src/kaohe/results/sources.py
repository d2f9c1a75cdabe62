"""Where a page's numbers come from: the live result, or one published snapshot."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import Http404, HttpRequest

from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.forms import parse_id
from kaohe.results.actions import record_row
from kaohe.results.live import live_result
from kaohe.results.models import Snapshot


@dataclass
class Source:
    data: dict[str, Any]
    snapshot: Snapshot | None = None
    problems: list[str] = field(default_factory=list)
    pending: bool = False  # a change waits for the background recompute
    frozen_records: list[dict[str, Any]] | None = None

    @property
    def query(self) -> str:
        """The query string that shows this same source again (for links and exports)."""
        return f"snapshot={self.snapshot.number if self.snapshot else LIVE}"

    def records_of(self, cycle_unit: CycleUnit) -> list[dict[str, Any]]:
        if self.frozen_records is not None:
            return [r for r in self.frozen_records if r["cycle_unit_id"] == cycle_unit.pk]
        return [record_row(record) for record in cycle_unit.records.order_by("id")]


LIVE = "live"


def chosen_snapshot(request: HttpRequest, cycle: Cycle) -> Snapshot | None:
    """?snapshot=N picks a publication, ?snapshot=live the live result; without it a published
    cycle shows its latest publication and an unpublished one its live result."""
    wanted = request.GET.get("snapshot", "")
    if wanted == LIVE:
        return None
    if not wanted:
        return cycle.snapshots.order_by("-number").first()
    try:
        return cycle.snapshots.get(number=parse_id(wanted))
    except Snapshot.DoesNotExist as missing:
        raise Http404("没有这次公示") from missing


def source_for(request: HttpRequest, cycle: Cycle) -> Source:
    snapshot = chosen_snapshot(request, cycle)
    if snapshot is not None:
        return Source(snapshot.data, snapshot, frozen_records=snapshot.records)
    live = live_result(cycle)
    return Source(live.data, problems=live.problems, pending=live.pending)
