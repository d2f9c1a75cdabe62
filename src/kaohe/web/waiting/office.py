"""考核办's home panel: cycles by state, reports to accept, appeals to answer, the next
reporting deadline — or, before the first cycle, how to open one."""

from __future__ import annotations

from typing import Any

from django.db.models import Count as Counted
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from kaohe.cycles.models import Cycle
from kaohe.progress.worklist import awaiting_signature
from kaohe.web.waiting.cycles import appeals_to_answer, calendar_for, next_deadline
from kaohe.web.waiting.panels import Count, Link, Panel, days_left

Status = Cycle.Status

REVIEW_STATES = (
    (Status.LOCKED, "已锁定、待公示的周期"),
    (Status.PUBLISHING, "正在发布（发布中）的周期"),
)
NO_CYCLE = "还没有考核周期。先选定考核方案，再开启周期、分配考评单位与责任科室。"
NOTHING_WAITS = "目前没有待您处理的事项。可在进度看板查看各单位的报送情况，或在考核结果中查看排名。"


def office_panel(user: Any) -> Panel:
    by_status = dict(Cycle.objects.values_list("status").annotate(Counted("id")))
    if not by_status:
        first_steps = [
            Link("新建周期", reverse("cycles:new")),
            Link("选用方案", reverse("schemes:list")),
        ]
        return Panel("考核办工作台", NO_CYCLE, links=first_steps, testid="office")
    elsewhere = [
        Link("看板", reverse("progress:boards")),
        Link("排名与公示", reverse("results:cycles")),
    ]
    panel = Panel("考核办工作台", NOTHING_WAITS, links=elsewhere, testid="office")
    today = timezone.localdate()
    open_cycles = list(Cycle.objects.filter(status=Status.OPEN).select_related("progress_schedule"))
    calendar = calendar_for(open_cycles, today)
    panel.add(open_cycles_count(open_cycles, today, calendar))
    to_accept = awaiting_signature(user).count()
    panel.add(Count("待验收的进度报送", to_accept, reverse("progress:tasks")))
    for status, label in REVIEW_STATES:
        panel.add(Count(label, by_status.get(status, 0), reverse("results:cycles"), unit="个"))
    for count in appeals_to_answer(Q(), today, calendar):
        panel.add(count)
    return panel


def open_cycles_count(open_cycles: list[Cycle], today: Any, calendar: Any) -> Count:
    deadline = next_deadline(open_cycles, today, calendar)
    note = "下一个报送" + days_left(calendar, today, deadline) if deadline else ""
    board = reverse("progress:boards")
    return Count("进行中的周期", len(open_cycles), board, unit="个", note=note)
