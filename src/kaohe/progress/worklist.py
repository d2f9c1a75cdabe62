"""What waits for a person in progress reporting: the reports their unit owes, each with its
traffic light, and the reports waiting for their signature. 我的任务 lists them; the home page
counts them — both ask here, so the two never disagree."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from kaohe.cycles import access
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.progress.colours import light
from kaohe.progress.dues import dues
from kaohe.progress.models import Submission
from kaohe.workdays.calendar import WorkingCalendar


def reporter_rows(user: Any) -> list[dict[str, Any]]:
    """Every report the user's unit owes in open cycles for periods begun by today, with its
    light: red first, then by deadline, the green ones last."""
    today = timezone.localdate()
    calendar = WorkingCalendar(today, today)
    rows = []
    mine = CycleUnit.objects.filter(unit_id=user.unit_id, cycle__status=Cycle.Status.OPEN)
    for cycle_unit in mine.select_related("cycle__scheme_version", "unit"):
        for due in dues(cycle_unit.cycle, [cycle_unit], started_by=today):
            rows.append({"due": due, "light": light(due, today, calendar)})
    rows.sort(key=lambda row: (row["light"].colour == "green", row["due"].period.due_on))
    return rows


def unsent(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows whose report is still the unit's to send: not started, a draft, or sent back."""
    return [row for row in rows if row["due"].submission is None or row["due"].submission.editable]


def awaiting_signature(user: Any) -> QuerySet[Submission]:
    """The reports in open cycles waiting at a step the user signs for their units."""
    waiting = Q(pk__in=[])
    for step, role in Submission.SIGNER_ROLES.items():
        if user.has_role(role):
            waiting |= Q(status=step) & access.acting_units(user, role, "cycle_unit__unit")
    return Submission.objects.filter(waiting, cycle_unit__cycle__status=Cycle.Status.OPEN)
