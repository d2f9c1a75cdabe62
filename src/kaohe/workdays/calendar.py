"""Working days: Chinese public holidays and 调休 make-up days.

chinese-calendar knows the State Council's arrangements for the years it ships (2004–2026 in the
pinned version); the `Holiday` table, edited by the 系统管理员, overrides it for any day and is the
only source for later years. A year neither covers counts weekends only — `covered(year)` tells the
caller so it can warn that a deadline may be off.

The module functions read the table for each call; a page computing many deadlines builds one
`WorkingCalendar` for the dates it needs and asks it instead (one query).
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
from chinese_calendar import constants

from kaohe.workdays.models import Holiday

PACKAGE_YEARS = range(min(constants.holidays).year, max(constants.holidays).year + 1)
SLACK_DAYS = 30  # calendar days read beyond the expected end, for long holidays


def _package_says(day: date) -> bool:
    if day.year in PACKAGE_YEARS:
        return bool(chinese_calendar.is_workday(day))
    return day.weekday() < 5


class WorkingCalendar:
    """The holiday table read once for the days from `first` to `last`; later days are read on
    demand."""

    def __init__(self, first: date, last: date) -> None:
        self.first, self.last = first, last
        self.declared = self._read(first, last)

    @staticmethod
    def _read(first: date, last: date) -> dict[date, bool]:
        rows = Holiday.objects.filter(date__range=(first, last))
        return dict(rows.values_list("date", "is_working_day"))

    def _reach(self, day: date) -> None:
        if day < self.first:
            self.declared.update(self._read(day - timedelta(days=SLACK_DAYS), self.first))
            self.first = day - timedelta(days=SLACK_DAYS)
        elif day > self.last:
            self.declared.update(self._read(self.last, day + timedelta(days=SLACK_DAYS)))
            self.last = day + timedelta(days=SLACK_DAYS)

    def is_working_day(self, day: date) -> bool:
        self._reach(day)
        if day in self.declared:
            return self.declared[day]
        return _package_says(day)

    def add_working_days(self, start: date, days: int) -> date:
        if days < 0:
            raise ValueError("工作日数不能为负数")
        day, counted = start, 0
        while counted < days:
            day += timedelta(days=1)
            counted += self.is_working_day(day)
        return day

    def working_days_between(self, a: date, b: date) -> int:
        if b < a:
            return -self.working_days_between(b, a)
        return sum(self.is_working_day(a + timedelta(days=n)) for n in range(1, (b - a).days + 1))


def covered(year: int) -> bool:
    """Does the package or the holiday table know this year's holidays?"""
    return year in PACKAGE_YEARS or Holiday.objects.filter(date__year=year).exists()


def is_working_day(day: date) -> bool:
    return WorkingCalendar(day, day).is_working_day(day)


def add_working_days(start: date, days: int) -> date:
    """The day `days` working days after `start` (start itself not counted); 0 gives start."""
    calendar = WorkingCalendar(start, start + timedelta(days=max(days, 0) * 2 + SLACK_DAYS))
    return calendar.add_working_days(start, days)


def working_days_between(a: date, b: date) -> int:
    """Working days after a up to and including b; negative when b is before a."""
    return WorkingCalendar(min(a, b), max(a, b)).working_days_between(a, b)


def coverage_warning(day: date | None) -> str:
    """A warning to show next to a deadline in a year whose holidays nobody has entered."""
    if day is None or covered(day.year):
        return ""
    return f"{day.year} 年的法定节假日尚未录入，截止日期暂按周末计算，请系统管理员在节假日表中补录"
