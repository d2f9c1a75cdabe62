import datetime
from typing import Any

import pytest
from django.urls import reverse

from kaohe.appeals.models import Appeal
from tests.appeals.helpers import on


def appeal_form(client: Any, published: Any) -> Any:
    unit = published.units["党建科"]
    return client.post(
        reverse("appeals:new", args=[published.cycle.pk, unit.pk]),
        {"target": f"r{published.lateness.pk}", "reason": "6月其中一人次为公务外出"},
        follow=True,
    )


def test_an_appeal_on_the_last_day_is_accepted(
    published: Any, client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, datetime.date(2020, 7, 9))
    client.force_login(published.reporter)

    page = appeal_form(client, published).content.decode()

    assert "申诉已提交，请等待答复" in page
    appeal = Appeal.objects.get()
    assert appeal.decision_due == datetime.date(2020, 7, 14)  # Fri 10, Mon 13, Tue 14
    assert appeal.snapshot.number == 1


def test_an_appeal_the_day_after_the_deadline_is_refused(
    published: Any, client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, datetime.date(2020, 7, 10))
    client.force_login(published.reporter)

    page = appeal_form(client, published).content.decode()

    assert "申诉期已过或结果尚未公示，不能再提出申诉" in page
    assert not Appeal.objects.exists()


def test_no_appeal_before_the_results_are_published(bureau: Any, client: Any) -> None:
    bureau.lateness = bureau.record("党建科", "1.2", "st1", "2")
    bureau.snapshot = None
    client.force_login(bureau.reporter)

    appeal_form(client, bureau)

    assert not Appeal.objects.exists()
