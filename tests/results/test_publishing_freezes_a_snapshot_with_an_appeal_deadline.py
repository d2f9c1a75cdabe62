import datetime
from decimal import Decimal
from typing import Any

from django.urls import reverse

from kaohe.cycles.models import Record
from kaohe.results.live import recompute


def test_publication_sets_the_appeal_deadline_three_working_days_later(published: Any) -> None:
    # Published Monday 2020-07-06: Tue, Wed, Thu → 2020-07-09.
    assert published.snapshot.number == 1
    assert published.snapshot.appeal_deadline == datetime.date(2020, 7, 9)
    assert published.cycle.status == "published"


def test_the_deadline_skips_the_national_day_holiday_and_counts_the_make_up_saturday(
    bureau: Any, monkeypatch: Any
) -> None:
    from kaohe.results import actions, publishing

    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *a, **k: datetime.date(2020, 9, 30)
    )
    bureau.commit(actions.lock_cycle, bureau.office, bureau.cycle)
    bureau.commit(publishing.publish_results, bureau.office, bureau.cycle)
    snapshot = bureau.cycle.snapshots.get(number=1)

    # 10-01…10-08 are holidays; 10-09 (Fri) and 10-10 (调休 Saturday) work; then Monday 10-12.
    assert snapshot.appeal_deadline == datetime.date(2020, 10, 12)


def test_the_snapshot_does_not_follow_later_changes(published: Any, client: Any) -> None:
    Record.objects.filter(pk=published.lateness.pk).update(count=Decimal(10))
    recompute(published.cycle)
    unit = published.units["党建科"]
    client.force_login(published.reporter)
    url = reverse("results:unit", args=[published.cycle.pk, unit.pk])

    frozen = client.get(url, {"snapshot": 1}).content.decode()
    live = client.get(url, {"snapshot": "live"}).content.decode()
    default = client.get(url).content.decode()

    assert "× 2：6月迟到两人次" in frozen and "89.00" in frozen
    assert "× 10" in live and "85.00" in live
    assert "89.00" in default  # once published, pages open on the latest publication


def test_the_unit_sees_the_publication_and_its_deadline(published: Any, client: Any) -> None:
    client.force_login(published.reporter)
    unit = published.units["党建科"]

    page = client.get(
        reverse("results:unit", args=[published.cycle.pk, unit.pk]), {"snapshot": 1}
    ).content.decode()

    assert "第 1 次公示" in page
    assert "申诉截止 2020-07-09" in page
    assert "提出申诉" in page
