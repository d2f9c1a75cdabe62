"""考评一致性 of a cycle, for the 考核办: see kaohe.results.consistency."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kaohe.cycles.access import require_office
from kaohe.cycles.models import Cycle
from kaohe.results.consistency import OUTLIER_TIMES, cycle_consistency


@login_required
def assessor_consistency(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle, pk=cycle_id)
    require_office(request.user)
    return render(
        request,
        "results/consistency.html",
        {"cycle": cycle, "found": cycle_consistency(cycle), "times": OUTLIER_TIMES},
    )
