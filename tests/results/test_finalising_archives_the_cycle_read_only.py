import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kaohe.appeals import actions as appeal_actions
from kaohe.cycles import actions as cycle_actions
from kaohe.cycles.models import CycleUnit
from kaohe.results import actions


def on(monkeypatch: pytest.MonkeyPatch, day: datetime.date) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: day)


def test_the_cycle_cannot_be_finalised_while_appeals_may_still_come(
    published: Any, client: Any
) -> None:
    client.force_login(published.office)

    page = client.post(reverse("results:finalise", args=[published.cycle.pk]), follow=True)

    assert "申诉期尚未结束，不能归档" in page.content.decode()


def test_after_the_window_the_cycle_is_finalised_and_read_only(
    published: Any, client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, datetime.date(2020, 7, 10))
    client.force_login(published.office)

    page = client.post(reverse("results:finalise", args=[published.cycle.pk]), follow=True)

    assert "考核周期已归档，结果只读" in page.content.decode()
    unit = CycleUnit.objects.get(pk=published.units["党建科"].pk)
    assert unit.cycle.status == "finalised"
    with pytest.raises(ValidationError):
        cycle_actions.add_record(
            published.office, unit, indicator="1.2", rule="st1", count=Decimal(1)
        )
    with pytest.raises(ValidationError):
        appeal_actions.file_appeal(published.reporter, unit, "迟到记录有误")
    with pytest.raises(ValidationError):
        actions.reopen_cycle(published.office, unit.cycle)
    evaluations = client.get(reverse("results:evaluations", args=[published.cycle.pk]))
    assert "测评得分只读" in evaluations.content.decode()
    ranking = client.get(reverse("results:ranking", args=[published.cycle.pk])).content.decode()
    assert "已归档，结果只读" in ranking
    assert "第 1 次公示" in ranking


def test_a_pending_appeal_holds_the_archive_back(
    published: Any, client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = CycleUnit.objects.get(pk=published.units["党建科"].pk)
    appeal_actions.file_appeal(
        published.reporter, unit, "迟到记录有误", record_id=published.lateness.pk
    )
    on(monkeypatch, datetime.date(2020, 7, 10))
    client.force_login(published.office)

    page = client.post(reverse("results:finalise", args=[published.cycle.pk]), follow=True)

    assert "还有未答复的申诉，不能归档" in page.content.decode()


def test_the_daily_job_archives_cycles_whose_window_has_closed(
    published: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    on(monkeypatch, datetime.date(2020, 7, 9))
    call_command("finalise_cycles", stdout=out)
    published.cycle.refresh_from_db()
    assert published.cycle.status == "published"

    on(monkeypatch, datetime.date(2020, 7, 10))
    call_command("finalise_cycles", stdout=out)
    published.cycle.refresh_from_db()
    assert published.cycle.status == "finalised"
    assert "已归档：2020年第二季度科室绩效考核" in out.getvalue()


def test_the_daily_job_waits_for_pending_appeals(
    published: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.management import call_command

    appeal_actions.file_appeal(
        published.reporter,
        CycleUnit.objects.get(pk=published.units["党建科"].pk),
        "理由",
        record_id=published.lateness.pk,
    )
    on(monkeypatch, datetime.date(2020, 7, 10))
    call_command("finalise_cycles", stdout=None)
    published.cycle.refresh_from_db()
    assert published.cycle.status == "published"
