from typing import Any

from django.urls import reverse

from kaohe.appeals import actions
from kaohe.cycles.models import Record
from tests.appeals.helpers import fresh


def test_the_unit_reads_why_its_appeal_was_rejected(published: Any, client: Any) -> None:
    unit = fresh(published.units["党建科"])
    appeal = actions.file_appeal(
        published.reporter, unit, "迟到系交通管制", record_id=published.lateness.pk
    )
    client.force_login(published.office)
    client.post(
        reverse("appeals:decide", args=[published.cycle.pk, appeal.pk]),
        {"outcome": "rejected", "decision": "交通管制已提前通知，不属于免责情形"},
    )

    client.force_login(published.reporter)
    page = client.get(reverse("appeals:detail", args=[published.cycle.pk, appeal.pk]))

    text = page.content.decode()
    assert "申诉不成立" in text
    assert "交通管制已提前通知，不属于免责情形" in text
    assert Record.objects.get(pk=published.lateness.pk).version == 1
    assert published.cycle.snapshots.count() == 1
    listing = client.get(reverse("appeals:list", args=[published.cycle.pk])).content.decode()
    assert "申诉不成立" in listing


def test_a_decision_needs_a_reason(published: Any, client: Any) -> None:
    appeal = actions.file_appeal(
        published.reporter,
        fresh(published.units["党建科"]),
        "理由",
        record_id=published.lateness.pk,
    )
    client.force_login(published.office)

    client.post(
        reverse("appeals:decide", args=[published.cycle.pk, appeal.pk]),
        {"outcome": "rejected", "decision": ""},
    )

    appeal.refresh_from_db()
    assert appeal.status == "pending"
