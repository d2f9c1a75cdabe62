from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import CYCLE_ROLES
from kaohe.cycles.access import cycles_with_results, is_leader, is_office, visible_cycle_units


@role_required(*CYCLE_ROLES)
def cycle_list(request: HttpRequest) -> HttpResponse:
    """Cycles with the user's own units in each; reads no result, computes nothing."""
    cycles = list(cycles_with_results(request.user).select_related("scheme_version__scheme"))
    units: dict[int, list] = {}
    for cycle_unit in visible_cycle_units(request.user).filter(cycle__in=cycles):
        units.setdefault(cycle_unit.cycle_id, []).append(cycle_unit)
    rows = [{"cycle": cycle, "units": units.get(cycle.pk, [])} for cycle in cycles]
    return render(
        request,
        "results/cycles.html",
        {"rows": rows, "is_office": is_office(request.user), "is_leader": is_leader(request.user)},
    )
