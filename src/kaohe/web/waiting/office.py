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
    (Status.LOCKED, "已锁定、待公示的考核周期"),
    (Status.PUBLISHING, "正在发布的考核周期"),
)
NO_CYCLE = "还没有考核周期。先选定考核方案，再开启周期、分配考评单位与责任科室。"
NOTHING_WAITS = "目前没有待您处理的事项。可在进度看板查看各单位的报送情况，或在考核结果中查看排名。"


def office_panel(user: Any) -> Panel:
    by_status = dict(Cycle.objects.values_list("status").annotate(Counted("id")))
    if not by_status:
        return Panel(
            "考核办工作台",
            NO_CYCLE,
            links=[
                Link("开启考核周期", reverse("cycles:new")),
                Link("考核方案", reverse("schemes:list")),
            ],
            testid="office",
        )
    panel = Panel(
        "考核办工作台",
        NOTHING_WAITS,
        links=[
            Link("进度看板", reverse("progress:boards")),
            Link("考核结果", reverse("results:cycles")),
        ],
        testid="office",
    )
    today = timezone.localdate()
    open_cycles = list(Cycle.objects.filter(status=Status.OPEN).select_related("progress_schedule"))
    calendar = calendar_for(open_cycles, today)
    panel.add(open_cycles_count(open_cycles, today, calendar))
    panel.add(
        Count("待验收的进度报送", awaiting_signature(user).count(), reverse("progress:tasks"))
    )
    for status, label in (
        (Status.LOCKED, "已锁定、待公示的考核周期"),
        (Status.PUBLISHING, "正在发布的考核周期"),
    ):
        panel.add(Count(label, by_status.get(status, 0), reverse("results:cycles"), unit="个"))
    for count in appeals_to_answer(Q(), today, calendar):
        panel.add(count)
    return panel


def open_cycles_count(open_cycles: list[Cycle], today: Any, calendar: Any) -> Count:
    deadline = next_deadline(open_cycles, today, calendar)
    note = "下一个报送" + days_left(calendar, today, deadline) if deadline else ""
    return Count(
        "进行中的考核周期", len(open_cycles), reverse("progress:boards"), unit="个", note=note
    )
