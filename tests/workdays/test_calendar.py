"""Working days follow the State Council's holidays, 调休 make-up days and the holiday table."""

from datetime import date

import pytest

from kaohe.workdays.calendar import (
    add_working_days,
    covered,
    is_working_day,
    working_days_between,
)
from kaohe.workdays.models import Holiday

pytestmark = pytest.mark.django_db


def test_national_day_is_not_a_working_day():
    assert not is_working_day(date(2025, 10, 1))


def test_a_make_up_saturday_is_a_working_day():
    assert is_working_day(date(2025, 9, 28))  # 2025 国庆调休: Sunday 28 September worked


def test_three_working_days_from_a_friday_skip_the_weekend():
    assert add_working_days(date(2025, 6, 6), 3) == date(2025, 6, 11)


def test_a_deadline_across_the_spring_festival_skips_the_holiday():
    # 2025 春节: 28 January – 4 February off, 26 January (Sunday) and 8 February (Saturday) worked
    assert add_working_days(date(2025, 1, 27), 1) == date(2025, 2, 5)


def test_zero_working_days_is_the_start_itself():
    assert add_working_days(date(2025, 6, 7), 0) == date(2025, 6, 7)


def test_working_days_between_counts_after_the_first_day_up_to_the_last():
    assert working_days_between(date(2025, 6, 6), date(2025, 6, 11)) == 3
    assert working_days_between(date(2025, 6, 11), date(2025, 6, 6)) == -3


def test_years_the_package_ships_are_covered_and_later_ones_are_not():
    assert covered(2025)
    assert not covered(2030)


def test_a_year_with_days_in_the_table_counts_as_covered():
    Holiday.objects.create(date=date(2030, 1, 1), name="元旦")
    assert covered(2030)


def test_the_table_adds_holidays_in_years_the_package_does_not_know():
    Holiday.objects.create(date=date(2030, 1, 1), name="元旦")
    assert not is_working_day(date(2030, 1, 1))
    assert add_working_days(date(2029, 12, 31), 1) == date(2030, 1, 2)


def test_the_table_overrides_the_package():
    Holiday.objects.create(date=date(2025, 6, 7), name="临时调休", is_working_day=True)
    Holiday.objects.create(date=date(2025, 6, 9), name="临时放假")
    assert is_working_day(date(2025, 6, 7))
    assert not is_working_day(date(2025, 6, 9))


def test_an_uncovered_year_counts_weekends_only():
    assert add_working_days(date(2031, 3, 7), 1) == date(2031, 3, 10)


def test_a_deadline_in_an_uncovered_year_carries_a_warning():
    from kaohe.workdays.calendar import coverage_warning

    assert "2031 年的法定节假日尚未录入" in coverage_warning(date(2031, 5, 6))
    assert coverage_warning(date(2025, 5, 6)) == ""


def test_one_calendar_answers_many_deadlines_in_one_query(django_assert_num_queries):
    from kaohe.workdays.calendar import WorkingCalendar

    with django_assert_num_queries(1):
        calendar = WorkingCalendar(date(2025, 1, 1), date(2025, 12, 31))
        deadlines = [calendar.add_working_days(date(2025, m, 1), 3) for m in range(1, 12)]
    assert deadlines[9] == date(2025, 10, 11)  # off 1–8 October; Saturday 11 October worked
