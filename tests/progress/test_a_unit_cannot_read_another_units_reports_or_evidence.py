"""Reports and evidence are for the owning unit, its leaders, the task's assessors and the office;
anyone else probing by id finds no report (404), is refused the evidence file (403, the answer
every evidence download gives), and cannot change anything."""

import datetime

import pytest

from kaohe.accounts.roles import Role
from kaohe.progress.models import Evidence, Submission


@pytest.fixture
def finance_report(cycle, at, report):
    at(datetime.date(2025, 2, 5))
    return report("市财政局", "1.1", "2025-01", submit=False)


def probe(client, submission):
    evidence = submission.evidence.get()
    return [
        client.get(f"/progress/submissions/{submission.pk}/").status_code,
        client.get(f"/progress/evidence/{evidence.pk}/").status_code,
        client.post(
            f"/progress/submissions/{submission.pk}/save/", {"content": "x", "version": 2}
        ).status_code,
        client.post(f"/progress/submissions/{submission.pk}/submit/").status_code,
        client.post(f"/progress/evidence/{evidence.pk}/delete/").status_code,
    ]


def test_another_units_reporter_finds_nothing(cycle, finance_report, client):
    client.force_login(cycle.other_reporter)
    assert probe(client, finance_report) == [404, 403, 404, 404, 404]
    finance_report.refresh_from_db()
    assert finance_report.content == "本月已完成。"
    assert finance_report.status == Submission.Status.DRAFT
    assert Evidence.objects.count() == 1


def test_another_units_leader_cannot_read_or_sign(cycle, finance_report, client, report, sign):
    client.force_login(cycle.other_deputy)
    assert client.get(f"/progress/submissions/{finance_report.pk}/").status_code == 404
    submitted = report("市财政局", "1.2", "2025-01")
    assert client.post(f"/progress/submissions/{submitted.pk}/approve/").status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == Submission.Status.DEPUTY


@pytest.mark.parametrize("who", ["reporter", "deputy", "principal", "office", "task_assessor"])
def test_the_unit_its_leaders_the_assessor_and_the_office_may_read(
    cycle, finance_report, client, who
):
    user = {
        "reporter": cycle.users[Role.REPORTER],
        "deputy": cycle.users[Role.DEPUTY_LEADER],
        "principal": cycle.users[Role.PRINCIPAL_LEADER],
        "office": cycle.users[Role.OFFICE],
        "task_assessor": cycle.task_assessor,
    }[who]
    client.force_login(user)
    evidence = finance_report.evidence.get()
    assert client.get(f"/progress/submissions/{finance_report.pk}/").status_code == 200
    assert client.get(f"/progress/evidence/{evidence.pk}/").status_code == 200


def test_an_assessor_of_another_task_cannot_read(cycle, at, report, client):
    at(datetime.date(2025, 2, 5))
    budget = report("市财政局", "1.2", "2025-01")  # 预算管理 has no 考评单位 in 市教育局
    client.force_login(cycle.task_assessor)
    evidence = budget.evidence.get()
    assert client.get(f"/progress/submissions/{budget.pk}/").status_code == 404
    assert client.get(f"/progress/evidence/{evidence.pk}/").status_code == 403


def test_a_reporter_cannot_start_a_report_for_another_unit(cycle, at, login):
    at(datetime.date(2025, 2, 5))
    client = login(Role.REPORTER)
    response = client.post(
        "/progress/tasks/start/",
        {
            "cycle_unit": cycle.units["市教育局"].pk,
            "assignment": cycle.tasks["1.3"].pk,
            "period": "2025-01",
        },
    )
    assert response.status_code == 404
    response = client.post(
        "/progress/tasks/start/",
        {
            "cycle_unit": cycle.units["市财政局"].pk,
            "assignment": cycle.tasks["1.3"].pk,
            "period": "2025-01",
        },
    )
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_roles_outside_progress_cannot_open_reports(cycle, finance_report, login):
    for role in (Role.EVALUATOR, Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN):
        client = login(role)
        assert client.get(f"/progress/submissions/{finance_report.pk}/").status_code == 403
