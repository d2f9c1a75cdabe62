"""The 系统管理员 enters holidays and make-up days for years the package does not know."""

from datetime import date

import pytest
from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry
from kaohe.workdays.calendar import add_working_days, is_working_day
from kaohe.workdays.models import Holiday


def test_a_range_of_holidays_entered_on_the_page_moves_deadlines(login):
    client = login(Role.SYSTEM_ADMIN)
    response = client.post(
        reverse("workdays:holidays"),
        {"first": "2030-02-04", "last": "2030-02-08", "name": "春节"},
    )
    assert response.status_code == 302
    assert Holiday.objects.filter(name="春节").count() == 5
    assert add_working_days(date(2030, 2, 1), 1) == date(2030, 2, 11)
    assert AuditEntry.objects.filter(action=Action.HOLIDAY_SET).count() == 5


def test_a_make_up_day_entered_on_the_page_is_a_working_day(login):
    client = login(Role.SYSTEM_ADMIN)
    client.post(
        reverse("workdays:holidays"),
        {"first": "2030-02-09", "name": "春节调休上班", "is_working_day": "on"},
    )
    assert is_working_day(date(2030, 2, 9))


def test_a_removed_day_is_a_normal_day_again(login):
    client = login(Role.SYSTEM_ADMIN)
    holiday = Holiday.objects.create(date=date(2030, 1, 1), name="元旦")
    client.post(reverse("workdays:remove", args=[holiday.pk]))
    assert is_working_day(date(2030, 1, 1))
    assert AuditEntry.objects.filter(action=Action.HOLIDAY_REMOVED).exists()


def test_the_page_warns_about_years_without_holidays(login):
    page = login(Role.SYSTEM_ADMIN).get(reverse("workdays:holidays")).content.decode()
    assert "2027 年的法定节假日尚未录入" in page


@pytest.mark.parametrize("role", [Role.OFFICE, Role.REPORTER, Role.SECURITY_ADMIN])
def test_nobody_else_may_change_the_table(login, role):
    client = login(role)
    assert client.get(reverse("workdays:holidays")).status_code == 403
    response = client.post(reverse("workdays:holidays"), {"first": "2030-01-01", "name": "元旦"})
    assert response.status_code == 403
    assert not Holiday.objects.exists()
