"""The 考核办's progress board: a traffic light per unit and task, reminders, the schedule."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import Role
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.progress import actions
from kaohe.progress.colours import light, worst
from kaohe.progress.dues import dues
from kaohe.progress.forms import ScheduleForm
from kaohe.progress.periods import cycle_periods, schedule_for
from kaohe.progress.reminders import remind_unit
from kaohe.workdays.calendar import WorkingCalendar, coverage_warning


@role_required(Role.OFFICE)
def boards(request: HttpRequest) -> HttpResponse:
    cycles = Cycle.objects.exclude(status=Cycle.Status.FINALISED).select_related("scheme_version")
    return render(request, "progress/boards.html", {"cycles": cycles})


def board_rows(cycle: Cycle) -> tuple[list[dict[str, Any]], Counter[str]]:
    """One row per unit and task: every period begun so far, and the worst light among them."""
    today = timezone.localdate()
    calendar = WorkingCalendar(today, today)
    cycle_units = list(cycle.cycle_units.select_related("unit"))
    rows: dict[tuple[int, int], dict[str, Any]] = {}
    for due in dues(cycle, cycle_units, started_by=today):
        key = (due.cycle_unit.pk, due.assignment.pk)
        row = rows.setdefault(
            key, {"cycle_unit": due.cycle_unit, "assignment": due.assignment, "periods": []}
        )
        row["periods"].append({"due": due, "light": light(due, today, calendar)})
    tally: Counter[str] = Counter()
    for row in rows.values():
        row["light"] = worst([cell["light"] for cell in row["periods"]])
        tally[row["light"].colour] += 1
    return list(rows.values()), tally


@role_required(Role.OFFICE)
def board(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle.objects.select_related("scheme_version"), pk=cycle_id)
    rows, tally = board_rows(cycle)
    schedule = schedule_for(cycle)
    periods = cycle_periods(cycle)
    warnings = sorted({coverage_warning(period.due_on) for period in periods} - {""})
    return render(
        request,
        "progress/board.html",
        {
            "cycle": cycle,
            "rows": rows,
            "tally": tally,
            "warnings": warnings,
            "schedule_form": ScheduleForm(
                initial={"frequency": schedule.frequency, "working_days": schedule.working_days}
            ),
        },
    )


@require_POST
@role_required(Role.OFFICE)
def schedule(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle, pk=cycle_id)
    form = ScheduleForm(request.POST)
    if form.is_valid():
        try:
            actions.set_schedule(
                request.user,
                cycle,
                form.cleaned_data["frequency"],
                form.cleaned_data["working_days"],
            )
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, "报送安排已保存")
    else:
        messages.error(request, "报送安排填写有误")
    return redirect("progress:board", cycle_id)


@require_POST
@role_required(Role.OFFICE)
def remind(request: HttpRequest, cycle_id: int, cycle_unit_id: int) -> HttpResponse:
    cycle_unit = get_object_or_404(
        CycleUnit.objects.select_related("cycle"), pk=cycle_unit_id, cycle_id=cycle_id
    )
    if remind_unit(request.user, cycle_unit):
        messages.success(request, f"已提醒「{cycle_unit}」的填报人")
    else:
        messages.info(request, f"「{cycle_unit}」没有即将到期或逾期未报的报送")
    return redirect("progress:board", cycle_id)
