"""A home page panel: counts of what waits, each linking to the work, or what to do next."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kaohe.workdays.calendar import WorkingCalendar


@dataclass(frozen=True)
class Count:
    """「待签批的进度报送 3 项」: a number of things waiting, and the page where they are done."""

    label: str
    number: int
    url: str
    unit: str = "项"
    note: str = ""  # 最近截止 2026-12-09，还有 2 个工作日
    urgent: bool = False  # overdue or sent back: shown in red


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass
class Panel:
    """One role's part of the home page. ``counts`` lists only what waits (numbers above zero);
    when nothing does, ``empty`` says what comes next and ``links`` lead there."""

    title: str
    empty: str
    counts: list[Count] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    testid: str = ""

    def add(self, count: Count) -> None:
        if count.number:
            self.counts.append(count)


def days_left(calendar: WorkingCalendar, today: date, deadline: date) -> str:
    """截止 2026-12-09，还有 2 个工作日 — counted in working days (the holiday table)."""
    when = f"{deadline:%Y-%m-%d}"
    if deadline == today:
        return f"今天（{when}）截止"
    days = calendar.working_days_between(today, deadline)
    if deadline > today:
        return f"截止 {when}，还有 {days} 个工作日"
    late = f"，逾期 {-days} 个工作日" if days else ""
    return f"已于 {when} 截止{late}"
