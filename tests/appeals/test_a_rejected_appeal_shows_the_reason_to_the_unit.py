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


def test_an_unanswered_appeal_past_its_decision_deadline_is_flagged(
    published: Any, client: Any, monkeypatch: Any
) -> None:
    import datetime

    from tests.appeals.helpers import on

    actions.file_appeal(
        published.reporter,
        fresh(published.units["党建科"]),
        "理由",
        record_id=published.lateness.pk,
    )  # filed Monday 2020-07-06: answer due Thursday 2020-07-09
    client.force_login(published.office)
    url = reverse("appeals:list", args=[published.cycle.pk])

    on(monkeypatch, datetime.date(2020, 7, 9))
    assert "已超期" not in client.get(url).content.decode()
    on(monkeypatch, datetime.date(2020, 7, 10))
    assert "已超期" in client.get(url).content.decode()
