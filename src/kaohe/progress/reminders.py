"""Reminders to 填报人 about reports due within 3 working days or overdue, one message per unit."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kaohe.accounts.models import User
from kaohe.accounts.roles import Role
from kaohe.audit.log import Action, log_change
from kaohe.cycles import access
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.progress.colours import light
from kaohe.progress.dues import Due, dues
from kaohe.progress.notify import notify
from kaohe.workdays.calendar import WorkingCalendar


def pending(cycle: Cycle, cycle_units: list[CycleUnit], today: date) -> dict[int, list[Due]]:
    """cycle unit id → its reports not yet submitted that are due soon or overdue."""
    calendar = WorkingCalendar(today, today)
    found: dict[int, list[Due]] = defaultdict(list)
    for due in dues(cycle, cycle_units, started_by=today):
        if due.submission and not due.submission.editable:
            continue
        if light(due, today, calendar).colour in {"red", "yellow"}:
            found[due.cycle_unit.pk].append(due)
    return found


def message(cycle_unit: CycleUnit, items: list[Due], today: date) -> str:
    overdue = sum(1 for due in items if due.period.due_on < today)
    soon = len(items) - overdue
    parts = [f"逾期未报 {overdue} 项" if overdue else "", f"即将到期 {soon} 项" if soon else ""]
    first = min(items, key=lambda due: due.period.due_on)
    counts = "，".join(part for part in parts if part)
    earliest = f"{first.assignment.node_name}（{first.period.label}）"
    return (
        f"提醒：「{cycle_unit.cycle}」中{cycle_unit}有进度报送待完成（{counts}），"
        f"最早截止 {first.period.due_on:%Y-%m-%d}：{earliest}"
    )


def remind(cycle: Cycle, cycle_units: list[CycleUnit], today: date) -> int:
    """Notifies the reporters of every unit with something pending; returns units reminded."""
    reminded = 0
    waiting = pending(cycle, cycle_units, today)
    for cycle_unit in cycle_units:
        items = waiting.get(cycle_unit.pk)
        if items:
            notify(
                access.holders(Role.REPORTER, cycle_unit),
                message(cycle_unit, items, today),
                reverse("progress:tasks"),
            )
            reminded += 1
    return reminded


@transaction.atomic
def remind_unit(actor: User, cycle_unit: CycleUnit) -> int:
    """The 考核办 presses 提醒 on the board for one unit."""
    access.require(access.is_office(actor), "只有考核办可以发送提醒")
    reminded = remind(cycle_unit.cycle, [cycle_unit], timezone.localdate())
    log_change(actor, Action.REMINDERS_SENT, cycle_unit, new={"提醒单位数": reminded})
    return reminded


@transaction.atomic
def remind_everyone(today: date) -> int:
    """The daily run (manage.py send_progress_reminders): every unit of every open cycle."""
    reminded = 0
    for cycle in Cycle.objects.filter(status=Cycle.Status.OPEN):
        reminded += remind(cycle, list(cycle.cycle_units.select_related("unit", "cycle")), today)
    log_change(None, Action.REMINDERS_SENT, target_label="每日提醒", new={"提醒单位数": reminded})
    return reminded
