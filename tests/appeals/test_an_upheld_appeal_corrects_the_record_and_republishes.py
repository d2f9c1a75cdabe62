from decimal import Decimal
from typing import Any

from django.urls import reverse

from kaohe.appeals import actions
from kaohe.audit.models import Action, AuditEntry
from kaohe.cycles.models import Record
from tests.appeals.helpers import fresh


def file(published: Any) -> Any:
    return actions.file_appeal(
        published.reporter,
        fresh(published.units["党建科"]),
        "6月其中一人次为公务外出，已报备",
        record_id=published.lateness.pk,
    )


def test_upholding_changes_the_record_recomputes_and_publishes_snapshot_2(
    published: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    appeal = file(published)
    client.force_login(published.office)
    url = reverse("appeals:decide", args=[published.cycle.pk, appeal.pk])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {
                "outcome": "upheld",
                "decision": "经核实其中一人次为公务外出，更正为1人次",
                "record": published.lateness.pk,
                "count": "1",
            },
        )

    record = Record.objects.get(pk=published.lateness.pk)
    assert (record.count, record.version) == (Decimal(1), 2)
    entry = AuditEntry.objects.get(action=Action.APPEAL_CORRECTED_RECORD)
    assert entry.old["count"] == "2.0000" and entry.new["count"] == "1"
    snapshots = {s.number: s for s in published.cycle.snapshots.all()}
    assert set(snapshots) == {1, 2}
    assert snapshots[2].unit("党建科")["total"] == "89.50"
    assert snapshots[1].unit("党建科")["total"] == "89.00"
    assert snapshots[2].appeal_deadline == snapshots[1].appeal_deadline
    appeal.refresh_from_db()
    assert (appeal.status, appeal.republished) == ("upheld", snapshots[2])

    client.force_login(published.reporter)
    unit_url = reverse("results:unit", args=[published.cycle.pk, published.units["党建科"].pk])
    first = client.get(unit_url, {"snapshot": 1}).content.decode()
    second = client.get(unit_url, {"snapshot": 2}).content.decode()
    assert "89.00" in first and "× 2" in first
    assert "89.50" in second and "× 1" in second
    assert "第 2 次公示" in second


def test_an_upheld_appeal_may_withdraw_the_record(
    published: Any, django_capture_on_commit_callbacks: Any
) -> None:
    appeal = file(published)

    with django_capture_on_commit_callbacks(execute=True):
        actions.decide_appeal(
            published.office,
            appeal.pk,
            True,
            "查无此事，撤销该记录",
            actions.Correction(withdraw=True),
        )

    assert not Record.objects.filter(pk=published.lateness.pk).exists()
    latest = published.cycle.snapshots.order_by("-number").first()
    assert latest.number == 2 and latest.unit("党建科")["total"] == "90.00"
    assert AuditEntry.objects.filter(action=Action.APPEAL_WITHDREW_RECORD).exists()


def test_the_assessor_of_the_indicator_may_decide(published: Any) -> None:
    # 人员管理情况 is assessed by 人事教育科; 督查科 assesses other indicators.
    from kaohe.accounts import actions as account_actions
    from kaohe.accounts.roles import Role
    from tests.conftest import DEMO_TEST_PASSWORD

    personnel = account_actions.create_user(
        None,
        username="zjg_rsk",
        password=DEMO_TEST_PASSWORD,
        full_name="人事",
        unit=published.sections["人事教育科"],
        roles=[Role.ASSESSOR],
    )
    appeal = file(published)

    decided = actions.decide_appeal(personnel, appeal.pk, False, "考勤记录属实")

    assert decided.status == "rejected"


def test_an_upheld_appeal_on_an_item_may_add_the_record_that_was_left_out(
    published: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    appeal = actions.file_appeal(
        published.reporter,
        fresh(published.units["党建科"]),
        "5月获市级表彰一起，未计加分",
        node_path="3",
    )
    client.force_login(published.office)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("appeals:decide", args=[published.cycle.pk, appeal.pk]),
            {
                "outcome": "upheld",
                "decision": "属实，补录市级表彰一起",
                "add_rule": "award",
                "count": "1",
                "level": "市级",
            },
        )

    added = Record.objects.get(rule="award")
    assert (added.level, added.unit_id) == ("市级", published.units["党建科"].pk)
    latest = published.cycle.snapshots.order_by("-number").first()
    assert latest.number == 2 and latest.unit("党建科")["total"] == "91.00"
    assert AuditEntry.objects.filter(action=Action.APPEAL_ADDED_RECORD).exists()


def test_a_record_cannot_be_added_under_another_item(published: Any) -> None:
    import pytest
    from django.core.exceptions import ValidationError

    appeal = file(published)  # about 人员管理情况

    with pytest.raises(ValidationError, match="补录的规则不属于本次申诉的指标"):
        actions.decide_appeal(
            published.office,
            appeal.pk,
            True,
            "x",
            actions.Correction(add_rule="award", count=Decimal(1), level="市级"),
        )
