"""公示 from the ranking page: the request starts the background publication and returns; the
page shows its step, polling every second (htmx), and reloads once it is done or failed."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import Role
from kaohe.cycles.models import Cycle
from kaohe.results.models import Publication
from kaohe.results.publishing import publish_results, requeue_publication


@require_POST
@role_required(Role.OFFICE)
def publish(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle, pk=cycle_id)
    try:
        publication = publish_results(request.user, cycle)
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    else:
        publication.refresh_from_db()  # the immediate task backend has finished it already
        tell_how_it_went(request, publication)
    return redirect("results:ranking", cycle_id=cycle.pk)


def tell_how_it_went(request: HttpRequest, publication: Publication) -> None:
    if publication.status == Publication.Status.DONE:
        messages.success(request, "考核结果已公示")
    elif publication.status == Publication.Status.FAILED:
        messages.error(request, "公示未完成：" + "；".join(publication.problems))
    else:
        messages.info(request, "正在后台生成公示结果，完成后本页自动刷新；可以离开本页")


@role_required(Role.OFFICE)
def progress(request: HttpRequest, cycle_id: int) -> HttpResponse:
    """The publication's step, for the ranking page to poll; a finished one reloads the page."""
    cycle = get_object_or_404(Cycle, pk=cycle_id)
    publication = cycle.publications.first()
    if publication is None or publication.finished:
        response = HttpResponse()
        response["HX-Refresh"] = "true"
        return response
    return render(request, "results/_publication.html", {"cycle": cycle, "job": publication})


@require_POST
@role_required(Role.OFFICE)
def requeue(request: HttpRequest, cycle_id: int) -> HttpResponse:
    """重新排队: a publication whose worker died is queued again."""
    cycle = get_object_or_404(Cycle, pk=cycle_id)
    try:
        publication = requeue_publication(request.user, cycle)
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    else:
        publication.refresh_from_db()
        tell_how_it_went(request, publication)
    return redirect("results:ranking", cycle_id=cycle.pk)
