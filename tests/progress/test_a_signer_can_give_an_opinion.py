"""A leader who approves a report may write an opinion (签批意见); the unit reads it in the
report's history and the audit log keeps it."""

import datetime

from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry


def test_an_approval_carries_the_leaders_opinion(cycle, at, report, client):
    at(datetime.date(2025, 3, 3))
    submission = report("市财政局", "1.1", "2025-02")
    client.force_login(cycle.users[Role.DEPUTY_LEADER])
    page = client.get(f"/progress/submissions/{submission.pk}/").content.decode()
    assert "签批意见" in page

    client.post(
        f"/progress/submissions/{submission.pk}/approve/", {"opinion": "同意报送，请按期推进"}
    )

    client.force_login(cycle.users[Role.REPORTER])
    page = client.get(f"/progress/submissions/{submission.pk}/").content.decode()
    assert "审核通过：同意报送，请按期推进" in page
    entry = AuditEntry.objects.get(action=Action.SUBMISSION_APPROVED)
    assert "同意报送，请按期推进" in str(entry.new)


def test_an_approval_without_an_opinion_still_goes_through(cycle, at, report, client):
    at(datetime.date(2025, 3, 3))
    submission = report("市财政局", "1.1", "2025-02")
    client.force_login(cycle.users[Role.DEPUTY_LEADER])
    client.post(f"/progress/submissions/{submission.pk}/approve/", {})
    submission.refresh_from_db()
    assert submission.status == "principal"
