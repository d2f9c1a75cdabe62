"""模拟测算 of one unit: the bench of kaohe.results.whatif; nothing is saved."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kaohe.cycles.access import may_try_what_if, require
from kaohe.cycles.models import CycleUnit
from kaohe.results.whatif import run_what_if, what_if_bench

HIDDEN = ("unit",)
"""The rows' unit column: always the page's unit."""


@login_required
def what_if(request: HttpRequest, cycle_id: int, cycle_unit_id: int) -> HttpResponse:
    cycle_unit = get_object_or_404(
        CycleUnit.objects.select_related("cycle__scheme_version", "unit"),
        pk=cycle_unit_id,
        cycle_id=cycle_id,
    )
    require(may_try_what_if(request.user, cycle_unit), "只有本单位人员和考核办可以模拟测算")
    bench = what_if_bench(cycle_unit, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        run_what_if(bench)
    return render(
        request,
        "results/whatif.html",
        {"cycle": cycle_unit.cycle, "cycle_unit": cycle_unit, "bench": bench, "hidden": HIDDEN},
    )
