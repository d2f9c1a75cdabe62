"""统计图表 of a cycle: the ranking bar, grades, points lost by indicator, and one unit's sections
against the average and its trend across cycles — each chart with its numbers in a table."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kaohe.cycles.access import may_read_ranking, readable_labels, require
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.forms import parse_id
from kaohe.results import charts
from kaohe.results.dashboard import led_units, only, trees, trend_of
from kaohe.results.presentation import ranking_rows, section_names
from kaohe.results.sources import snapshot_tabs, source_for


def chosen_unit(request: HttpRequest, units: list[CycleUnit]) -> CycleUnit | None:
    """?unit=<cycle unit id> among the units the user reads; the first of them without it."""
    wanted = request.GET.get("unit", "")
    if not wanted:
        return units[0] if units else None
    found = next((unit for unit in units if unit.pk == parse_id(wanted)), None)
    if found is None:
        raise Http404("没有这个单位，或您无权查看")
    return found


@login_required
def cycle_charts(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle.objects.select_related("scheme_version__scheme"), pk=cycle_id)
    require(may_read_ranking(request.user, cycle), "只有考核办和所分管单位的领导可以查看统计图表")
    source = source_for(request, cycle)
    scheme = cycle_scheme(cycle)
    readable = readable_labels(request.user, cycle)
    summary = only(source.summary, readable)
    units = led_units(request.user, cycle)
    unit = chosen_unit(request, units)
    context = {
        "cycle": cycle,
        "source": source,
        "snapshots": snapshot_tabs(cycle),
        "units": units,
        "unit": unit,
        "bar": charts.ranking_bar(ranking_rows(summary, section_names(scheme))),
        "grades": charts.grade_distribution(summary),
        "lost": charts.points_lost_by_indicator(trees(source.result.unit_rows(), readable)),
        "radar": charts.section_radar(source.summary, scheme, unit.label) if unit else None,
        "trend": trend_of(unit, request.user) if unit else [],
    }
    return render(request, "results/charts.html", context)
