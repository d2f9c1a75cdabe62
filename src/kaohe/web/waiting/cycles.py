"""What the cycle roles share on their home pages: appeals waiting for an answer, results in
their appeal window, and the next reporting deadline of a set of cycles."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.db.models import Count as Counted
from django.db.models import Min, Q
from django.urls import reverse

from kaohe.appeals.models import Appeal
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.progress.periods import cycle_periods
from kaohe.web.waiting.panels import Count, days_left
from kaohe.workdays.calendar import WorkingCalendar


def calendar_for(cycles: Iterable[Cycle], today: date) -> WorkingCalendar:
    """One holiday-table read covering today and every deadline of the cycles."""
    starts = [cycle.starts_on for cycle in cycles] + [today]
    ends = [cycle.ends_on for cycle in cycles] + [today]
    return WorkingCalendar(min(starts), max(ends) + timedelta(days=60))


def next_deadline(cycles: list[Cycle], today: date, calendar: WorkingCalendar) -> date | None:
    """The earliest reporting deadline on or after today among the cycles' periods."""
    upcoming = [
        period.due_on
        for cycle in cycles
        for period in cycle_periods(cycle, calendar)
        if period.due_on >= today
    ]
    return min(upcoming, default=None)


def appeals_to_answer(
    found: Q, today: date, calendar: WorkingCalendar, label: str = "待答复的申诉"
) -> list[Count]:
    """Appeals awaiting a decision among ``found``, one count per cycle, the earliest answer
    due in the note (red once overdue)."""
    waiting = (
        Appeal.objects.awaiting_decision()
        .filter(found)
        .values("cycle_id", "cycle__name")
        .annotate(number=Counted("id"), due=Min("decision_due"))
        .order_by("due")
    )
    return [
        Count(
            f"「{row['cycle__name']}」{label}",
            row["number"],
            reverse("appeals:list", args=[row["cycle_id"]]),
            unit="件",
            note="答复" + days_left(calendar, today, row["due"]),
            urgent=row["due"] < today,
        )
        for row in waiting
    ]


def appealable_results(found: Q, today: date, calendar: WorkingCalendar) -> list[Count]:
    """Published results of the units ``found`` (a filter on cycle units) whose appeal window
    is open: one count per cycle, linking to the first such unit's breakdown."""
    published = (
        CycleUnit.objects.filter(
            found,
            cycle__status=Cycle.Status.PUBLISHED,
            cycle__snapshots__number=1,
            cycle__snapshots__appeal_deadline__gte=today,
        )
        .values("cycle_id", "cycle__name")
        .annotate(units=Counted("id", distinct=True), first=Min("id"))
        .annotate(deadline=Min("cycle__snapshots__appeal_deadline"))
    )
    return [
        Count(
            f"「{row['cycle__name']}」结果公示中",
            row["units"],
            reverse("results:unit", args=[row["cycle_id"], row["first"]]),
            unit="个单位",
            note="如有异议可提出申诉，申诉" + days_left(calendar, today, row["deadline"]),
        )
        for row in published
    ]
