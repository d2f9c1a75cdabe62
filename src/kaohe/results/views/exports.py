"""The results' files (ranking and breakdown xlsx, the 通报's docx and PDF): a POST checks who
may have the file, pins the results the page shows and answers at once with the download's page,
where the file appears once the background job has made it (kaohe.results.downloads)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import Role
from kaohe.cycles.models import Cycle
from kaohe.downloads.jobs import Maker, start_download
from kaohe.results import downloads
from kaohe.results.sources import pinned_choice, results_label
from kaohe.results.views.unit import find_cycle_unit


def started(
    request: HttpRequest, make: Maker, title: str, cycle: Cycle, page: str, **params: Any
) -> HttpResponse:
    """Queues ``make`` for the results the page shows (the request audited with the cycle and
    which results); ``page`` is where its 返回 leads."""
    snapshot = pinned_choice(request, cycle)
    download = start_download(
        request.user,
        make,
        title=title,
        back_url=f"{page}?snapshot={snapshot}",
        about=cycle,
        shown={"结果": results_label(snapshot)},
        cycle=cycle.pk,
        snapshot=snapshot,
        **params,
    )
    return redirect("downloads:page", download_id=download.pk)


@require_POST
@role_required(Role.OFFICE)
def export_ranking(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle, pk=cycle_id)
    page = reverse("results:ranking", args=[cycle.pk])
    return started(request, downloads.ranking_xlsx, f"{cycle}考核结果排名表", cycle, page)


@require_POST
@login_required
def export_unit(request: HttpRequest, cycle_id: int, cycle_unit_id: int) -> HttpResponse:
    cycle_unit = find_cycle_unit(request, cycle_id, cycle_unit_id)
    cycle = cycle_unit.cycle
    title = f"{cycle}{cycle_unit.label}考核得分明细"
    page = reverse("results:unit", args=[cycle.pk, cycle_unit.pk])
    return started(request, downloads.unit_xlsx, title, cycle, page, cycle_unit=cycle_unit.pk)
