"""The board's traffic lights, checked in this order:

red    — sent back (已退回), or the deadline has passed with nothing submitted;
green  — accepted (已验收), or submitted on or before the deadline (whatever the sign-off stage);
yellow — submitted late and still waiting in sign-off, or not submitted and due within
         3 working days;
grey   — not submitted and not yet due (未到期).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from kaohe.progress.dues import Due
from kaohe.progress.models import Submission
from kaohe.workdays.calendar import WorkingCalendar

WARNING_WORKING_DAYS = 3


@dataclass(frozen=True)
class Light:
    colour: str  # red | yellow | green | grey
    text: str

    @property
    def css(self) -> str:
        return {"red": "danger", "yellow": "warning", "green": "success"}.get(self.colour, "light")


SEVERITY = {"red": 3, "yellow": 2, "grey": 1, "green": 0}


def submitted_on(submission: Submission) -> date | None:
    moment = submission.first_submitted_at
    return timezone.localdate(moment) if moment else None


def light(due: Due, today: date, calendar: WorkingCalendar) -> Light:
    submission, deadline = due.submission, due.period.due_on
    if submission and submission.status == Submission.Status.RETURNED:
        return Light("red", "已退回")
    if submission and submission.status == Submission.Status.ACCEPTED:
        return Light("green", "已验收")
    sent = submission is not None and submission.in_sign_off
    if sent and (submitted_on(submission) or today) <= deadline:
        return Light("green", submission.get_status_display())
    if sent:
        return Light("yellow", f"逾期报送，{submission.get_status_display()}")
    if today > deadline:
        return Light("red", "逾期未报")
    if calendar.working_days_between(today, deadline) <= WARNING_WORKING_DAYS:
        return Light("yellow", "即将到期")
    return Light("grey", "未到期")


def worst(lights: list[Light]) -> Light:
    if not lights:
        return Light("grey", "无")
    return max(lights, key=lambda one: SEVERITY[one.colour])
