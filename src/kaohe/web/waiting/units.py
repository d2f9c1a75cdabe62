"""The home panels of the people in units: 考评单位 (indicators to record, appeals to answer),
被考核单位填报人 (reports to send), 分管领导 and 主要领导 (reports to sign), and what both see of
their units' published results and appeals."""

from __future__ import annotations

from typing import Any

from django.db.models import Count as Counted
from django.db.models import Min
from django.urls import reverse
from django.utils import timezone

from kaohe.cycles import access
from kaohe.cycles.models import Assignment, Cycle, Record
from kaohe.progress.models import Submission
from kaohe.progress.worklist import awaiting_signature, reporter_rows, unsent
from kaohe.web.waiting.cycles import appealable_results, appeals_to_answer
from kaohe.web.waiting.panels import Count, Link, Panel, days_left
from kaohe.workdays.calendar import WorkingCalendar

Status = Submission.Status


def today_and_calendar() -> tuple[Any, WorkingCalendar]:
    today = timezone.localdate()
    return today, WorkingCalendar(today, today)


def assessor_panel(user: Any) -> Panel:
    panel = Panel(
        "考评工作",
        "暂无进行中的考评任务。考核办开启周期并把指标分给本单位考评后，会在这里列出待录入的周期。",
        links=[Link("周期列表", reverse("cycles:list"))],
        testid="assessor",
    )
    today, calendar = today_and_calendar()
    for count in indicators_to_record(user, today, calendar):
        panel.add(count)
    published = Cycle.objects.filter(status=Cycle.Status.PUBLISHED)
    for count in appeals_to_answer(access.kept_indicators(user, published), today, calendar):
        panel.add(count)
    return panel


def indicators_to_record(user: Any, today: Any, calendar: WorkingCalendar) -> list[Count]:
    """Per open cycle: the indicators the user's unit assesses, and the records entered on
    them so far."""
    if user.unit_id is None:
        return []
    open_cycles = Cycle.objects.filter(status=Cycle.Status.OPEN)
    assigned = (
        Assignment.objects.filter(assessor_id=user.unit_id, cycle__in=open_cycles)
        .values("cycle_id", "cycle__name", "cycle__ends_on")
        .annotate(number=Counted("id"))
        .order_by("cycle__ends_on", "cycle_id")
    )
    entered = dict(
        Record.objects.filter(access.kept_indicators(user, open_cycles, "indicator"))
        .values_list("cycle_id")
        .annotate(Counted("id"))
    )
    return [
        Count(
            f"「{row['cycle__name']}」由本单位考评的指标",
            row["number"],
            reverse("cycles:records", args=[row["cycle_id"]]),
            note=f"已录入 {entered.get(row['cycle_id'], 0)} 条考核记录；考核期"
            + days_left(calendar, today, row["cycle__ends_on"]),
        )
        for row in assigned
    ]


def reporter_panel(user: Any) -> Panel:
    panel = Panel(
        "材料报送",
        "暂无待报送的任务。考核办开启周期后，本单位的分工任务和报送期限会列在这里。",
        links=[Link("任务清单", reverse("progress:tasks"))],
        testid="reporter",
    )
    today, calendar = today_and_calendar()
    waiting = unsent(reporter_rows(user))
    returned = [row for row in waiting if row["due"].submission is not None]
    returned = [row for row in returned if row["due"].submission.status == Status.RETURNED]
    overdue = [row for row in waiting if row["due"].period.due_on < today]
    upcoming = [row["due"].period.due_on for row in waiting if row["due"].period.due_on >= today]
    nearest = min(upcoming, default=None)
    note = "最近一份" + days_left(calendar, today, nearest) if nearest else ""
    tasks = reverse("progress:tasks")
    panel.add(Count("待报送的进度报告", len(waiting), tasks, note=note, urgent=bool(overdue)))
    panel.add(Count("其中已逾期", len(overdue), tasks, urgent=True))
    panel.add(Count("被退回、待修改后重新报送", len(returned), tasks, urgent=True))
    unit_results(panel, user, today, calendar)
    if panel.counts and not waiting:
        panel.empty = "本单位的进度报告都已报送。"
    return panel


def leader_panel(user: Any, title: str, empty: str, testid: str) -> Panel:
    panel = Panel(title, empty, links=[Link("查看得分", reverse("results:cycles"))], testid=testid)
    today, calendar = today_and_calendar()
    waiting = awaiting_signature(user).aggregate(number=Counted("id"), since=Min("submitted_at"))
    since = waiting["since"]
    note = f"最早一份报送于 {timezone.localtime(since):%Y-%m-%d}" if since else ""
    panel.add(Count("待您签批的进度报送", waiting["number"], reverse("progress:tasks"), note=note))
    unit_results(panel, user, today, calendar)
    return panel


def deputy_panel(user: Any) -> Panel:
    return leader_panel(
        user,
        "分管领导审核",
        "暂无待您审核的材料。所分管单位的填报人报送后，会在这里等待您签批。",
        "deputy_leader",
    )


def principal_panel(user: Any) -> Panel:
    return leader_panel(
        user,
        "主要领导审定",
        "暂无待您审定的材料。分管领导审核通过后，会在这里等待您签批。",
        "principal_leader",
    )


def unit_results(panel: Panel, user: Any, today: Any, calendar: WorkingCalendar) -> None:
    """The published results of the units the user reads, and their appeals not yet answered."""
    for count in appealable_results(access.readable_units(user), today, calendar):
        panel.add(count)
    mine = access.readable_units(user, "cycle_unit__unit")
    for count in appeals_to_answer(mine, today, calendar, "已提出、待答复的申诉"):
        panel.add(count)
