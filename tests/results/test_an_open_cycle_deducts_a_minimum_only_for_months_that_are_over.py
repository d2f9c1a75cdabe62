"""A cycle still running (2020年第二季度 on 10 May): a monthly minimum deducts only for the
months that are over, the unit's breakdown says the month in progress is not deducted yet, and
the published result, taken after the quarter, deducts every month short (worked by hand)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from kaohe.cycles import actions as cycle_actions
from kaohe.results import actions as result_actions
from kaohe.results import publishing
from kaohe.results.models import LiveResult

MONTHLY_SCHEME = """\
format: kaohe-scheme/1
id: monthly-minimum-test
name: 每月例会测试方案
body: 测试
period: quarter
sections:
  - name: 日常考核
    code: "1"
    points: 10
    rules:
      - {id: lh, kind: frequency, minimum: 1, per: month, amount: -1, unit: 次, label: 例会}
"""


def on(monkeypatch: pytest.MonkeyPatch, day: datetime.date) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: day)


@pytest.fixture
def monthly(bureau: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """One section in a 2020-Q2 cycle on the scheme above, one 例会 held in April."""
    from kaohe.schemes.actions import create_scheme, publish_version
    from kaohe.schemes.models import Scheme

    version = create_scheme(bureau.office, MONTHLY_SCHEME, Scheme.Source.BUILTIN)
    publish_version(bureau.office, version)
    on(monkeypatch, datetime.date(2020, 5, 10))
    plan = cycle_actions.CyclePlan(
        name="例会测试周期",
        version=version,
        period="quarter",
        starts_on=datetime.date(2020, 4, 1),
        ends_on=datetime.date(2020, 6, 30),
        units=[cycle_actions.UnitEntry(bureau.sections["党建科"])],
    )
    bureau.monthly_cycle = cycle_actions.open_cycle(bureau.office, plan)
    bureau.monthly_unit = bureau.monthly_cycle.cycle_units.get()
    bureau.commit(
        cycle_actions.add_record,
        bureau.office,
        bureau.monthly_unit,
        indicator="1",
        rule="lh",
        count=Decimal(1),
        period="2020-04",
    )
    return bureau


def test_on_the_tenth_of_may_only_april_counts_and_may_says_it_is_not_over(
    monthly: Any, client: Any
) -> None:
    # April 1 ≥ 1; May is running (0 so far) → not deducted yet; June not begun → 10.
    client.force_login(monthly.office)
    url = reverse("results:unit", args=[monthly.monthly_cycle.pk, monthly.monthly_unit.pk])
    page = client.get(url).content.decode()
    assert "例会：2020-05 月尚未结束（计至 2020-05-10），已 0 次，应不少于 1 次，暂不扣分" in page
    live = LiveResult.objects.get(cycle=monthly.monthly_cycle)
    assert live.unit("党建科")["total"] == "10.00"


def test_the_result_published_after_the_quarter_deducts_may_and_june(
    monthly: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Locked and published on 6 July: May 0 and June 0 → 2 × −1 → 8.
    on(monkeypatch, datetime.date(2020, 7, 6))
    monthly.commit(result_actions.lock_cycle, monthly.office, monthly.monthly_cycle)
    monthly.commit(publishing.publish_results, monthly.office, monthly.monthly_cycle)
    snapshot = monthly.monthly_cycle.snapshots.get(number=1)
    (unit,) = snapshot.summary["units"]
    assert (unit["unit"], unit["total"]) == ("党建科", "8.00")
