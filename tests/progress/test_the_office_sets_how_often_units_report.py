"""The 考核办 sets the reporting frequency and the working days allowed after each period."""

import datetime

from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry
from kaohe.progress.periods import cycle_periods


def test_the_office_sets_how_often_units_report(cycle, login):
    client = login(Role.OFFICE)
    client.post(
        f"/progress/boards/{cycle.pk}/schedule/", {"frequency": "quarter", "working_days": "5"}
    )
    periods = cycle_periods(cycle)
    assert [p.key for p in periods] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    assert periods[0].due_on == datetime.date(2025, 4, 8)  # 清明 4 April off
    assert AuditEntry.objects.filter(action=Action.SCHEDULE_SET).exists()


def test_a_yearly_report_is_due_on_the_tasks_deadline(cycle, login, at):
    login(Role.OFFICE).post(
        f"/progress/boards/{cycle.pk}/schedule/", {"frequency": "year", "working_days": "3"}
    )
    task = cycle.tasks["1.3"]
    task.deadline = datetime.date(2025, 12, 15)
    task.save(update_fields=["deadline"])
    from kaohe.progress.periods import period_of

    assert period_of(cycle, task, "2025").due_on == datetime.date(2025, 12, 15)
    assert period_of(cycle, cycle.tasks["1.2"], "2025").due_on == datetime.date(2026, 1, 6)


def test_nobody_else_sets_the_schedule(cycle, login):
    for role in (Role.REPORTER, Role.PRINCIPAL_LEADER):
        response = login(role).post(
            f"/progress/boards/{cycle.pk}/schedule/", {"frequency": "year", "working_days": "3"}
        )
        assert response.status_code == 403
    assert [p.key for p in cycle_periods(cycle)][:2] == ["2025-01", "2025-02"]
