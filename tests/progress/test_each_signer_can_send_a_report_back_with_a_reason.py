"""Every step of the chain can send the report back, and must say why; the reporter is told."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kaohe.accounts.roles import Role
from kaohe.progress import actions
from kaohe.progress.models import Notification, Submission


@pytest.mark.parametrize("steps", [0, 1, 2])
def test_each_signer_can_send_a_report_back_with_a_reason(cycle, at, report, sign, steps):
    at(datetime.date(2025, 2, 5))
    chain = [Role.DEPUTY_LEADER, Role.PRINCIPAL_LEADER, Role.OFFICE]
    submission = report("市财政局", "1.1", "2025-01")
    for role in chain[:steps]:
        sign(cycle.users[role], submission)
    sign(cycle.users[chain[steps]], submission, "证明材料不全")
    assert submission.status == Submission.Status.RETURNED
    assert submission.return_reason == "证明材料不全"
    told = Notification.objects.filter(user=cycle.users[Role.REPORTER], text__contains="退回")
    assert "证明材料不全" in told.get().text


def test_sending_back_without_a_reason_is_refused(cycle, at, report):
    at(datetime.date(2025, 2, 5))
    submission = report("市财政局", "1.1", "2025-01")
    with pytest.raises(ValidationError, match="退回必须写明理由"):
        actions.send_back(cycle.users[Role.DEPUTY_LEADER], submission.pk, "  ")


def test_a_returned_report_can_be_corrected_and_submitted_again(cycle, at, report, sign):
    at(datetime.date(2025, 2, 5))
    reporter = cycle.users[Role.REPORTER]
    submission = sign(cycle.users[Role.DEPUTY_LEADER], report("市财政局", "1.1", "2025-01"), "补充")
    actions.save_progress(reporter, submission.pk, submission.version, "已补充")
    actions.submit(reporter, submission.pk)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.DEPUTY
    assert submission.times_returned == 1


def test_a_leader_cannot_sign_out_of_turn(cycle, at, report):
    at(datetime.date(2025, 2, 5))
    submission = report("市财政局", "1.1", "2025-01")
    for role in (Role.PRINCIPAL_LEADER, Role.OFFICE, Role.REPORTER):
        with pytest.raises(PermissionDenied):
            actions.approve(cycle.users[role], submission.pk)


def test_the_return_reason_shows_on_the_report_page(cycle, at, report, sign, login):
    at(datetime.date(2025, 2, 5))
    submission = sign(
        cycle.users[Role.DEPUTY_LEADER], report("市财政局", "1.1", "2025-01"), "数据有误"
    )
    page = login(Role.REPORTER).get(f"/progress/submissions/{submission.pk}/").content.decode()
    assert "已退回：数据有误" in page


def test_a_unit_without_a_deputy_goes_straight_to_its_principal(cycle, at, report):
    at(datetime.date(2025, 2, 5))
    submission = report("市教育局", "1.3", "2025-01")
    assert submission.status == Submission.Status.DEPUTY  # 市教育局 has a 分管领导
    cycle.other_deputy.is_active = False
    cycle.other_deputy.save(update_fields=["is_active"])
    second = report("市教育局", "1.3", "2025-02")
    assert second.status == Submission.Status.OFFICE  # and no 主要领导 either
