from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kaohe.audit.models import Action, AuditEntry
from kaohe.cycles import actions as cycle_actions
from kaohe.cycles.models import CycleUnit


def test_once_locked_no_record_or_evaluation_score_can_change(bureau: Any, client: Any) -> None:
    record = bureau.record("党建科", "1.2", "st1", "1")
    client.force_login(bureau.office)

    response = client.post(reverse("results:lock", args=[bureau.cycle.pk]), follow=True)

    assert "考核记录已锁定" in response.content.decode()
    office = CycleUnit.objects.get(pk=bureau.units["办公室"].pk)
    with pytest.raises(ValidationError, match="已锁定"):
        cycle_actions.add_record(
            bureau.office, office, indicator="1.2", rule="st1", count=Decimal(1)
        )
    with pytest.raises(ValidationError, match="已锁定"):
        cycle_actions.change_record(bureau.office, record.pk, record.version, count=Decimal(2))
    with pytest.raises(ValidationError, match="已锁定"):
        cycle_actions.set_evaluation_score(bureau.office, office, "2", "主要领导", Decimal(90))


def test_locking_is_audited_old_to_new(bureau: Any, client: Any) -> None:
    client.force_login(bureau.office)
    client.post(reverse("results:lock", args=[bureau.cycle.pk]))

    entry = AuditEntry.objects.get(action=Action.CYCLE_LOCKED)
    assert (entry.old, entry.new) == ("进行中", "已锁定")


def test_a_locked_cycle_can_be_reopened_before_publication(bureau: Any, client: Any) -> None:
    client.force_login(bureau.office)
    client.post(reverse("results:lock", args=[bureau.cycle.pk]))
    client.post(reverse("results:reopen", args=[bureau.cycle.pk]))

    bureau.cycle.refresh_from_db()
    assert bureau.cycle.status == "open"


def test_publishing_an_open_cycle_is_refused(bureau: Any, client: Any) -> None:
    client.force_login(bureau.office)

    page = client.post(reverse("results:publish", args=[bureau.cycle.pk]), follow=True)

    assert "不能公示考核结果" in page.content.decode()
    assert not bureau.cycle.snapshots.exists()
