"""The ranking (the office's, and a leader's rows of the units it leads) and the office's
review steps: lock, reopen, publish, finalise."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import Role
from kaohe.cycles.access import cycles_with_results, may_read_ranking, readable_labels, require
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Cycle
from kaohe.fragments import digest
from kaohe.results import actions
from kaohe.results.charts import ranking_bar
from kaohe.results.jobs import ask_for_recompute
from kaohe.results.models import LiveResult
from kaohe.results.presentation import ranking_rows, section_names
from kaohe.results.sources import snapshot_tabs, source_for


@login_required
def ranking(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle.objects.select_related("scheme_version__scheme"), pk=cycle_id)
    require(may_read_ranking(request.user, cycle), "只有考核办和所分管单位的领导可以查看汇总排名")
    source = source_for(request, cycle)
    sections = section_names(cycle_scheme(cycle))
    readable = readable_labels(request.user, cycle)
    rows = readable_rows(cycle, ranking_rows(source.summary, sections), readable)
    return render(
        request,
        "results/ranking.html",
        {
            "cycle": cycle,
            "source": source,
            "sections": sections,
            "rows": rows,
            # The table and chart are cached for what they show (results/ranking.html).
            "table_key": digest((cycle.pk, source.query, sections, rows)),
            "chart_rows": ranking_bar(rows),
            "is_office": readable is None,
            "snapshots": snapshot_tabs(cycle),
            "window_open": actions.appeal_window_open(cycle),
            "pending_appeals": cycle.appeals.awaiting_decision().count(),
            "publication": cycle.publications.first(),
        },
    )


def readable_rows(
    cycle: Cycle, rows: list[dict[str, Any]], readable: set[str] | None
) -> list[dict[str, Any]]:
    """The rows the user may read (every row when ``readable`` is None), with their links."""
    unit_ids = dict(cycle.cycle_units.values_list("label", "id"))
    kept = rows if readable is None else [row for row in rows if row["unit"] in readable]
    for row in kept:
        row["cycle_unit_id"] = unit_ids.get(row["unit"])
    return kept


def review_step(step: Callable[[Any, Cycle], Any], done: str) -> Callable[..., HttpResponse]:
    @require_POST
    @role_required(Role.OFFICE)
    def view(request: HttpRequest, cycle_id: int) -> HttpResponse:
        cycle = get_object_or_404(Cycle, pk=cycle_id)
        try:
            step(request.user, cycle)
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
        else:
            messages.success(request, done)
        return redirect("results:ranking", cycle_id=cycle.pk)

    return view


lock = review_step(actions.lock_cycle, "考核记录已锁定，请审核汇总结果后公示")
reopen = review_step(actions.reopen_cycle, "已解除锁定，考核记录可以继续修改")
finalise = review_step(actions.finalise_cycle, "考核周期已归档，结果只读")


@require_POST
@role_required(Role.OFFICE)
def refresh(request: HttpRequest, cycle_id: int) -> HttpResponse:
    """Recompute the whole cycle (the office's button when something looks stale): a
    background task when a worker runs them, so that a province-sized cycle never holds up
    the request; at once otherwise."""
    cycle = get_object_or_404(Cycle, pk=cycle_id)
    ask_for_recompute(cycle)
    live = LiveResult.objects.only("cycle", "answered", "problems").get(cycle=cycle)
    if live.pending:
        messages.info(request, "已提交重新计算，正在后台进行；算完后本页自动刷新")
    elif live.problems:
        messages.error(request, "重新计算时发现问题，见页面上方")
    else:
        messages.success(request, "已重新计算")
    return redirect("results:ranking", cycle_id=cycle_id)


@login_required
def recompute_progress(request: HttpRequest, cycle_id: int) -> HttpResponse:
    """For the results pages' 「正在后台重新计算」 note to poll: nothing while a change waits
    for the task worker, then a reload of the page (htmx) to show the counted result. Anyone
    with results in the cycle may ask; anyone else is told there is no such cycle."""
    cycle = get_object_or_404(cycles_with_results(request.user), pk=cycle_id)
    live = LiveResult.objects.only("cycle", "answered").filter(cycle=cycle).first()
    if live is not None and live.pending:
        return HttpResponse(status=204)
    response = HttpResponse()
    response["HX-Refresh"] = "true"
    return response
