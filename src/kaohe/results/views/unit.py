"""One unit's breakdown: every node's score, its explanation and the records behind it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kaohe.cycles.access import (
    is_office,
    may_file_appeal,
    may_read_results,
    may_try_what_if,
    require,
)
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import CycleUnit
from kaohe.evaluations.presentation import with_tally_lines
from kaohe.fragments import digest
from kaohe.results.actions import appeal_window_open
from kaohe.results.presentation import breakdown_rows, veto_marks
from kaohe.results.sources import snapshot_tabs, source_for


def find_cycle_unit(request: HttpRequest, cycle_id: int, cycle_unit_id: int) -> CycleUnit:
    """The cycle unit, if this user may read it: any user of the unit, its leaders, the office."""
    cycle_unit = get_object_or_404(
        CycleUnit.objects.select_related("cycle__scheme_version", "unit"),
        pk=cycle_unit_id,
        cycle_id=cycle_id,
    )
    require(may_read_results(request.user, cycle_unit), "您只能查看本单位的考核结果")
    return cycle_unit


@login_required
def unit_breakdown(request: HttpRequest, cycle_id: int, cycle_unit_id: int) -> HttpResponse:
    cycle_unit = find_cycle_unit(request, cycle_id, cycle_unit_id)
    cycle = cycle_unit.cycle
    source = source_for(request, cycle)
    result = source.unit(cycle_unit)
    rows = (
        breakdown_rows(result, source.records_of(cycle_unit), cycle_scheme(cycle)) if result else []
    )
    rows = with_tally_lines(rows, cycle_unit)
    return render(
        request,
        "results/unit.html",
        {
            "cycle": cycle,
            "cycle_unit": cycle_unit,
            "source": source,
            "result": result,
            "vetoes": veto_marks(result) if result else [],
            "rows": rows,
            # The summary and tree are cached for what they show (results/unit.html).
            "table_key": digest((cycle.pk, result, rows)),
            "snapshots": snapshot_tabs(cycle),
            "is_office": is_office(request.user),
            "may_try_what_if": may_try_what_if(request.user, cycle_unit),
            "may_appeal": appeal_window_open(cycle) and may_file_appeal(request.user, cycle_unit),
        },
    )
