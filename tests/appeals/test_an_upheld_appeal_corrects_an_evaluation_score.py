"""An evaluator group's score entered wrongly is corrected by an upheld appeal: the score
changes, the old one is in the audit log, and the next snapshot carries the new item score."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kaohe.appeals import actions
from kaohe.audit.models import Action, AuditEntry
from kaohe.cycles import actions as cycle_actions
from kaohe.cycles.models import EvaluationEntry
from kaohe.results import actions as result_actions
from kaohe.results import publishing
from tests.appeals.helpers import fresh

ITEM = "班子测评"


@pytest.fixture
def evaluated(bureau: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """党建科 scored 80 by 主要领导 and 90 by 分管领导 (5:5 onto 10 points: 8.5), published."""
    unit = bureau.units["党建科"]
    bureau.principal = bureau.commit(
        cycle_actions.set_evaluation_score, bureau.office, unit, ITEM, "主要领导", Decimal(80)
    )
    bureau.commit(
        cycle_actions.set_evaluation_score, bureau.office, unit, ITEM, "分管领导", Decimal(90)
    )
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *a, **k: datetime.date(2020, 7, 6)
    )
    bureau.commit(result_actions.lock_cycle, bureau.office, bureau.cycle)
    bureau.commit(publishing.publish_results, bureau.office, bureau.cycle)
    bureau.cycle.refresh_from_db()
    return bureau


def item_score(snapshot: Any) -> str:
    unit = snapshot.unit("党建科")
    return next(node["score"] for node in unit["nodes"] if node["path"] == ITEM)


def test_the_office_corrects_a_leaders_score_and_the_next_snapshot_shows_it(
    evaluated: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    appeal = actions.file_appeal(
        evaluated.reporter,
        fresh(evaluated.units["党建科"]),
        "主要领导测评表上为90分，录入为80分",
        node_path=ITEM,
    )
    client.force_login(evaluated.office)
    page = client.get(reverse("appeals:detail", args=[evaluated.cycle.pk, appeal.pk]))
    assert "班子测评：主要领导 80.000 分" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("appeals:decide", args=[evaluated.cycle.pk, appeal.pk]),
            {
                "outcome": "upheld",
                "decision": "经核对测评表，主要领导评分为90分",
                "evaluation": evaluated.principal.pk,
                "score": "90",
            },
        )

    assert EvaluationEntry.objects.get(pk=evaluated.principal.pk).score == Decimal(90)
    entry = AuditEntry.objects.get(action=Action.APPEAL_CORRECTED_SCORE)
    assert (entry.old, entry.new) == ("80.000", "90")
    snapshots = {s.number: s for s in evaluated.cycle.snapshots.all()}
    assert (item_score(snapshots[1]), item_score(snapshots[2])) == ("8.50", "9.00")
    first, second = snapshots[1].unit("党建科"), snapshots[2].unit("党建科")
    assert Decimal(second["total"]) - Decimal(first["total"]) == Decimal("0.50")


def test_a_score_outside_0_to_100_or_under_another_item_is_refused(evaluated: Any) -> None:
    appeal = actions.file_appeal(
        evaluated.reporter, fresh(evaluated.units["党建科"]), "第一项扣分有误", node_path="日常考核"
    )

    with pytest.raises(ValidationError, match="涉及的测评得分"):
        actions.decide_appeal(
            evaluated.office,
            appeal.pk,
            True,
            "更正",
            actions.Correction(evaluation_id=evaluated.principal.pk, score=Decimal(90)),
        )
    other = actions.file_appeal(
        evaluated.reporter, fresh(evaluated.units["党建科"]), "测评分有误", node_path=ITEM
    )
    with pytest.raises(ValidationError, match="0 到 100"):
        actions.decide_appeal(
            evaluated.office,
            other.pk,
            True,
            "更正",
            actions.Correction(evaluation_id=evaluated.principal.pk, score=Decimal(120)),
        )

    assert EvaluationEntry.objects.get(pk=evaluated.principal.pk).score == Decimal(80)
    assert evaluated.cycle.snapshots.count() == 1
