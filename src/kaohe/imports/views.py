"""The page of one import job: its progress while it runs, then its outcome or refused rows."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from kaohe.imports.models import ImportJob


@login_required
def job(request: HttpRequest, job_id: int) -> HttpResponse:
    """Only the person who started the import sees it (anyone else: 404). htmx asks for the
    progress part every second until the job has finished."""
    found = get_object_or_404(ImportJob, pk=job_id, started_by=request.user)
    polled = request.headers.get("HX-Request") == "true"
    if found.status == ImportJob.Status.DONE and found.result_url:
        return to_the_result(request, found, polled)
    template = "imports/_progress.html" if polled else "imports/job.html"
    return render(request, template, {"job": found})


def to_the_result(request: HttpRequest, found: ImportJob, polled: bool) -> HttpResponse:
    """A done job whose result has a page of its own: there, with the outcome as a message
    (a polling page is sent on by htmx)."""
    messages.success(request, found.outcome)
    if not polled:
        return redirect(found.result_url)
    response = HttpResponse()
    response["HX-Redirect"] = found.result_url
    return response
