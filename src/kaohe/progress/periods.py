"""The reporting periods of a cycle and the deadline of each.

A period's report is due `schedule.working_days` working days after the period ends (or the cycle
ends, whichever is first). A yearly report is due on the task's own 完成期限 when it has one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from kaohe.cycles.models import Assignment, Cycle
from kaohe.engine.periods import coarsen, period_days, period_label
from kaohe.progress.models import Schedule
from kaohe.workdays.calendar import WorkingCalendar


@dataclass(frozen=True)
class Period:
    key: str  # 2024-03, 2024-Q1, 2024
    starts_on: date
    ends_on: date
    due_on: date

    @property
    def label(self) -> str:
        return period_label(self.key)


# The reporting frequency a cycle proposes until the office sets one: a quarterly cycle reports
# each quarter (monthly reports would open its board all red); the others report monthly
# (seed 000: 每月1-3号报送).
PROPOSED_FREQUENCY = {Cycle.Period.QUARTER: Schedule.Frequency.QUARTER}


def schedule_for(cycle: Cycle) -> Schedule:
    """The cycle's schedule; until the office sets one, an unsaved one at the frequency the
    cycle's period proposes, with 3 working days."""
    try:
        return cycle.progress_schedule
    except Schedule.DoesNotExist:
        proposed = PROPOSED_FREQUENCY.get(cycle.period, Schedule.Frequency.MONTH)
        return Schedule(cycle=cycle, frequency=proposed)


def raw_periods(cycle: Cycle, frequency: str) -> list[tuple[str, date, date]]:
    """(key, first day, last day) of every period overlapping the cycle, clipped to it; the
    keys are the engine's (``engine.periods.coarsen``), so reports and frequency rules agree."""
    found: dict[str, tuple[date, date]] = {}
    for month_key in cycle.months():
        key = coarsen(month_key, frequency)
        first, last = period_days(key)
        found[key] = (max(first, cycle.starts_on), min(last, cycle.ends_on))
    return [(key, first, last) for key, (first, last) in found.items()]


def cycle_periods(cycle: Cycle, calendar: WorkingCalendar | None = None) -> list[Period]:
    """The cycle's periods with their deadlines, reading the holiday table once (or not at
    all, given a calendar that already holds the cycle's days: several cycles share one)."""
    schedule = schedule_for(cycle)
    calendar = calendar or WorkingCalendar(cycle.starts_on, cycle.ends_on + timedelta(days=60))
    return [
        Period(key, first, last, calendar.add_working_days(last, schedule.working_days))
        for key, first, last in raw_periods(cycle, schedule.frequency)
    ]


def task_period(period: Period, assignment: Assignment) -> Period:
    """The period as it applies to one task: a yearly report is due on the task's 完成期限."""
    if "-" not in period.key and assignment.deadline:
        return replace(period, due_on=assignment.deadline)
    return period


def period_of(cycle: Cycle, assignment: Assignment, key: str) -> Period | None:
    found = next((period for period in cycle_periods(cycle) if period.key == key), None)
    return task_period(found, assignment) if found else None
