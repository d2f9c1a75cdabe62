"""Working days: Chinese public holidays and 调休 make-up days.

chinese-calendar knows the State Council's arrangements for the years it ships (2004–2026 in the
pinned version); the `Holiday` table, edited by the 系统管理员, overrides it for any day and is the
only source for later years. A year neither covers counts weekends only — `covered(year)` tells the
caller so it can warn that a deadline may be off.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
from chinese_calendar import constants

from kaohe.workdays.models import Holiday

PACKAGE_YEARS = range(min(constants.holidays).year, max(constants.holidays).year + 1)


def _declared(first: date, last: date) -> dict[date, bool]:
    """The table's days between first and last: date → is it a working day."""
    rows = Holiday.objects.filter(date__range=(first, last)).values_list("date", "is_working_day")
    return dict(rows)


def _package_says(day: date) -> bool:
    if day.year in PACKAGE_YEARS:
        return bool(chinese_calendar.is_workday(day))
    return day.weekday() < 5


def _is_working(day: date, declared: dict[date, bool]) -> bool:
    if day in declared:
        return declared[day]
    return _package_says(day)


def covered(year: int) -> bool:
    """Does the package or the holiday table know this year's holidays?"""
    return year in PACKAGE_YEARS or Holiday.objects.filter(date__year=year).exists()


def is_working_day(day: date) -> bool:
    return _is_working(day, _declared(day, day))


def add_working_days(start: date, days: int) -> date:
    """The day `days` working days after `start` (start itself not counted); 0 gives start."""
    if days < 0:
        raise ValueError("工作日数不能为负数")
    window_end = start + timedelta(days=days * 2 + 30)
    declared = _declared(start, window_end)
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        if day > window_end:  # a very long run of holidays: read the table further on
            window_end = day + timedelta(days=days * 2 + 30)
            declared.update(_declared(day, window_end))
        counted += _is_working(day, declared)
    return day


def working_days_between(a: date, b: date) -> int:
    """Working days after a up to and including b; negative when b is before a."""
    if b < a:
        return -working_days_between(b, a)
    declared = _declared(a, b)
    return sum(_is_working(a + timedelta(days=n), declared) for n in range(1, (b - a).days + 1))


def coverage_warning(day: date | None) -> str:
    """A warning to show next to a deadline in a year whose holidays nobody has entered."""
    if day is None or covered(day.year):
        return ""
    return f"{day.year} 年的法定节假日尚未录入，截止日期暂按周末计算，请系统管理员在节假日表中补录"
