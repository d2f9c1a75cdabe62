"""填报人 → 分管领导 → 主要领导 → 考核办 accepts; each next signer is told."""

import datetime

from django.core import mail

from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry
from kaohe.progress.models import Notification, Submission


def test_a_report_climbs_the_sign_off_chain_to_the_office(cycle, at, report, sign):
    at(datetime.date(2025, 2, 5))
    deputy, principal, office = (
        cycle.users[Role.DEPUTY_LEADER],
        cycle.users[Role.PRINCIPAL_LEADER],
        cycle.users[Role.OFFICE],
    )
    submission = report("市财政局", "1.1", "2025-01")
    assert submission.status == Submission.Status.DEPUTY
    assert Notification.objects.filter(user=deputy, text__contains="待您审核").exists()

    assert sign(deputy, submission).status == Submission.Status.PRINCIPAL
    assert Notification.objects.filter(user=principal, text__contains="待您审核").exists()
    assert sign(principal, submission).status == Submission.Status.OFFICE
    assert Notification.objects.filter(user=office, text__contains="待您验收").exists()
    assert sign(office, submission).status == Submission.Status.ACCEPTED

    reporter = cycle.users[Role.REPORTER]
    assert Notification.objects.filter(user=reporter, text__contains="已通过考核办验收").exists()
    decisions = list(submission.sign_offs.values_list("decision", flat=True))
    assert decisions == ["submit", "approve", "approve", "accept"]
    assert AuditEntry.objects.filter(action=Action.SUBMISSION_ACCEPTED).exists()


def test_each_step_is_sent_by_e_mail_too(cycle, at, report):
    at(datetime.date(2025, 2, 5))
    deputy = cycle.users[Role.DEPUTY_LEADER]
    deputy.email = "fgld@example.gov.cn"
    deputy.save(update_fields=["email"])
    report("市财政局", "1.1", "2025-01")
    assert [message.to for message in mail.outbox] == [["fgld@example.gov.cn"]]
    assert "待您审核" in mail.outbox[0].subject


def test_the_reporter_submits_on_the_page_and_the_leader_signs_on_the_page(cycle, at, login):
    at(datetime.date(2025, 2, 5))
    client = login(Role.REPORTER)
    response = client.post(
        "/progress/tasks/start/",
        {
            "cycle_unit": cycle.units["市财政局"].pk,
            "assignment": cycle.tasks["1.1"].pk,
            "period": "2025-01",
        },
    )
    submission = Submission.objects.get()
    assert response.url == f"/progress/submissions/{submission.pk}/"
    client.post(
        f"/progress/submissions/{submission.pk}/save/", {"content": "完成演练", "version": 1}
    )
    client.post(f"/progress/submissions/{submission.pk}/submit/")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.DEPUTY

    page = login(Role.DEPUTY_LEADER).get("/progress/tasks/").content.decode()
    assert "信息化建设" in page and "待分管领导审核" in page
    client = login(Role.DEPUTY_LEADER)
    client.post(f"/progress/submissions/{submission.pk}/approve/")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PRINCIPAL


def test_an_empty_report_cannot_be_submitted(cycle, at, login):
    at(datetime.date(2025, 2, 5))
    client = login(Role.REPORTER)
    client.post(
        "/progress/tasks/start/",
        {
            "cycle_unit": cycle.units["市财政局"].pk,
            "assignment": cycle.tasks["1.1"].pk,
            "period": "2025-01",
        },
    )
    submission = Submission.objects.get()
    page = client.post(f"/progress/submissions/{submission.pk}/submit/", follow=True)
    assert "请先填写进展情况再报送" in page.content.decode()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.DRAFT
