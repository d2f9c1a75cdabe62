"""我的任务: a reporter's reports due across open cycles; a leader's or the office's queue."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import CYCLE_ROLES, Role
from kaohe.cycles import access
from kaohe.cycles.models import Assignment, CycleUnit
from kaohe.forms import parse_id
from kaohe.progress import actions
from kaohe.progress.models import Submission
from kaohe.progress.worklist import awaiting_signature, reporter_rows
from kaohe.workdays.calendar import coverage_warning

Status = Submission.Status


def queue(user: Any) -> list[Submission]:
    """The reports waiting for this user's signature."""
    found = awaiting_signature(user).select_related("cycle_unit__cycle", "assignment")
    return list(found.order_by("submitted_at")[:200])


def assessed(user: Any) -> list[Submission]:
    if not access.is_assessor(user) or user.unit_id is None:
        return []
    found = Submission.objects.filter(assignment__assessor_id=user.unit_id).exclude(
        status=Status.DRAFT
    )
    return list(
        found.select_related("cycle_unit__cycle", "assignment").order_by("-submitted_at")[:200]
    )


@role_required(*CYCLE_ROLES)
def my_tasks(request: HttpRequest) -> HttpResponse:
    user = request.user
    rows = reporter_rows(user) if access.is_reporter(user) else []
    warnings = sorted({coverage_warning(row["due"].period.due_on) for row in rows} - {""})
    return render(
        request,
        "progress/tasks.html",
        {
            "rows": rows,
            "is_reporter": access.is_reporter(user),
            "queue": queue(user),
            "assessed": assessed(user),
            "warnings": warnings,
        },
    )


@require_POST
@role_required(Role.REPORTER)
def start(request: HttpRequest) -> HttpResponse:
    cycle_unit = get_object_or_404(
        CycleUnit.objects.select_related("cycle"), pk=parse_id(request.POST.get("cycle_unit"))
    )
    if not access.reports_for(request.user, cycle_unit):
        raise Http404("没有找到该单位")
    assignment = get_object_or_404(
        Assignment, pk=parse_id(request.POST.get("assignment")), cycle_id=cycle_unit.cycle_id
    )
    try:
        submission = actions.start_submission(
            request.user, cycle_unit, assignment, request.POST.get("period", "")
        )
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("progress:tasks")
    return redirect("progress:submission", submission.pk)
