"""Period keys: months ``2024-03``, quarters ``2024-Q1``, halves ``2024-H1``, years ``2024``.

A cycle's periods are given as months; coarser periods are derived from them. When a cycle gives
no months, a whole-cycle period ``全周期`` stands in so that yearly minimums still work.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kaohe.engine.model.facts import Record

PERIOD_KEY = re.compile(r"\d{4}(-(0?[1-9]|1[0-2]|Q[1-4]|H[12]))?")
PERIODS = ("month", "quarter", "half", "year")
PERIOD_WORDS = {"month": "月", "quarter": "季度", "half": "半年", "year": "年度"}
WHOLE_CYCLE = "全周期"


def coarsen(month: str, per: str) -> str:
    """The ``per`` period a ``YYYY-MM`` month (or a coarser key) falls in.

    A key that is not a period is returned as it is, so that it matches no period of the cycle
    and the record is reported.
    """
    if not PERIOD_KEY.fullmatch(month):
        return month
    year, _, rest = month.partition("-")
    if per == "year" or not rest:
        return year
    if rest[0] in "QH":
        return f"{year}-{rest}" if per != "half" or rest[0] == "H" else f"{year}-H{_half(rest)}"
    number = int(rest)
    if per == "month":
        return f"{year}-{number:02d}"
    if per == "quarter":
        return f"{year}-Q{(number - 1) // 3 + 1}"
    return f"{year}-H{(number - 1) // 6 + 1}"


def _half(quarter: str) -> int:
    return 1 if quarter in ("Q1", "Q2") else 2


def cycle_periods(months: tuple[str, ...], per: str) -> list[str]:
    if not months:
        return [WHOLE_CYCLE]
    return list(dict.fromkeys(coarsen(month, per) for month in months))


def period_of(record: Record, per: str) -> str:
    """The period a record counts in: its 期间, else its 日期, else the whole cycle."""
    if record.period:
        return coarsen(record.period, per) if record.period != WHOLE_CYCLE else WHOLE_CYCLE
    if record.date is not None:
        return coarsen(f"{record.date.year}-{record.date.month:02d}", per)
    return WHOLE_CYCLE


def period_months(key: str) -> tuple[int, int, int]:
    """(year, first month, number of months) of a month, quarter, half or year key."""
    year, _, rest = key.partition("-")
    if not rest:
        return int(year), 1, 12
    if rest[0] in "QH":
        months = 3 if rest[0] == "Q" else 6
        return int(year), (int(rest[1:]) - 1) * months + 1, months
    return int(year), int(rest), 1


def period_days(key: str) -> tuple[date, date]:
    """The first and last day of a period key (``2024-03``, ``2024-Q1``, ``2024-H2``, ``2024``)."""
    year, month, months = period_months(key)
    after = month + months  # the month after the period, possibly in the next year
    next_first = date(year + (after - 1) // 12, (after - 1) % 12 + 1, 1)
    return date(year, month, 1), next_first - timedelta(days=1)


def period_label(key: str) -> str:
    """A period key in words: 2024年3月, 2024年第1季度, 2024年上半年, 2024年."""
    year, _, rest = key.partition("-")
    if not rest:
        return f"{year}年"
    if rest[0] == "Q":
        return f"{year}年第{rest[1:]}季度"
    if rest[0] == "H":
        return f"{year}年{'上' if rest[1:] == '1' else '下'}半年"
    return f"{year}年{int(rest)}月"
