"""领导看板: for a 分管领导 or 主要领导, the units they lead in one cycle — rank and total, their
sections against the average, their trend across cycles of the scheme, where they lost points,
and the progress board of their reports."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from kaohe.cycles.access import is_leader, require
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.forms import parse_id
from kaohe.progress.views.board import board_rows
from kaohe.results import charts
from kaohe.results.dashboard import dashboard_cycles, led_units, trend_of
from kaohe.results.models import unit_in
from kaohe.results.presentation import veto_marks
from kaohe.results.sources import Source, source_for


def chosen_cycle(request: HttpRequest, cycles: list[Cycle]) -> Cycle | None:
    wanted = request.GET.get("cycle", "")
    if not wanted:
        return cycles[0] if cycles else None
    found = next((cycle for cycle in cycles if cycle.pk == parse_id(wanted)), None)
    if found is None:
        raise Http404("没有这个考核周期，或您无权查看")
    return found


def unit_card(request: HttpRequest, source: Source, cycle_unit: CycleUnit) -> dict[str, Any]:
    """One led unit: its ranking row, radar, trend and the indicators where it lost most."""
    result = source.unit(cycle_unit) or {}
    scheme = cycle_scheme(cycle_unit.cycle)
    return {
        "cycle_unit": cycle_unit,
        "key": str(cycle_unit.pk),  # names the chart data on the page
        "row": unit_in(source.summary, cycle_unit.label),
        "vetoes": veto_marks(result) if result else [],
        "count": len(source.summary.get("units", [])),
        "radar": charts.section_radar(source.summary, scheme, cycle_unit.label),
        "trend": trend_of(cycle_unit, request.user),
        "lost": charts.unit_points_lost(result.get("nodes", [])),
    }


def progress_of(cycle: Cycle, units: list[CycleUnit]) -> list[dict[str, Any]]:
    """The progress board's rows (unit × task) of the led units."""
    ids = {unit.pk for unit in units}
    rows, _ = board_rows(cycle)
    return [row for row in rows if row["cycle_unit"].pk in ids]


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    require(is_leader(request.user), "领导看板供分管领导和主要领导使用")
    cycles = dashboard_cycles(request.user)
    cycle = chosen_cycle(request, cycles)
    context: dict[str, Any] = {"cycles": cycles, "cycle": cycle}
    if cycle is not None:
        source = source_for(request, cycle)
        units = led_units(request.user, cycle)
        context |= {
            "source": source,
            "cards": [unit_card(request, source, unit) for unit in units],
            "progress": progress_of(cycle, units),
        }
    return render(request, "results/dashboard.html", context)
