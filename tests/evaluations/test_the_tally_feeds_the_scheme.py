"""Close, count, freeze: each group's mean becomes its 0–100 score on the scheme's item, weighted
as the scheme says (seed 004 班子测评: 主要领导 : 分管领导 = 5 : 5), shown in the unit's
breakdown, audited; a quorum missed writes nothing."""

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kaohe.audit.models import Action, AuditEntry
from kaohe.cycles.models import EvaluationEntry, Record
from kaohe.evaluations import actions
from kaohe.evaluations.actions import DimensionLine
from kaohe.evaluations.models import ProposedDeduction, TallyRow
from kaohe.results.models import LiveResult
from tests.evaluations.conftest import GRADE, group_values, open_now, scores_for, window


def vote(found: Any, group: Any, user: Any, by_label: dict[str, str]) -> None:
    actions.cast_as_member(user, group, scores_for(group, user, by_label))


def close_and_count(found: Any) -> Any:
    actions.close_evaluation(found.office, found.evaluation)
    return found.commit(actions.count_evaluation, found.office, found.evaluation)


def test_the_leadership_review_of_seed_004_is_counted_from_ballots(
    leadership_review: Any, client: Any
) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    vote(found, found.principal_group, found.principal, {"党建科": "90", "办公室": "70"})
    for deputy, score in zip(found.deputies, ("80", "70", "90"), strict=True):
        vote(found, found.deputy_group, deputy, {"党建科": score, "办公室": "60"})

    close_and_count(found)

    saved = {(e.cycle_unit.label, e.group): e.score for e in EvaluationEntry.objects.all()}
    assert saved == {
        ("党建科", "主要领导"): Decimal(90),
        ("党建科", "分管领导"): Decimal(80),
        ("办公室", "主要领导"): Decimal(70),
        ("办公室", "分管领导"): Decimal(60),
    }
    live = LiveResult.objects.get(cycle=found.cycle)
    assert live.unit("党建科")["sections"]["班子测评"] == "8.50"  # (90 × 0.5 + 80 × 0.5) ÷ 100 × 10
    assert live.unit("办公室")["sections"]["班子测评"] == "6.50"
    assert AuditEntry.objects.filter(action=Action.EVALUATION_COUNTED).count() == 1
    assert AuditEntry.objects.filter(action=Action.EVALUATION_SCORE_ENTERED).count() == 4

    client.force_login(found.office)
    unit = found.units["党建科"]
    page = client.get(reverse("results:unit", args=[found.cycle.pk, unit.pk])).content.decode()
    line = "测评「二季度班子测评」分管领导（计入「分管领导」）"
    assert f"{line}：计入 3 票，无效 0 票，未作评价 0 票，平均 80 分" in page


def test_a_recount_is_audited_and_gives_the_same_scores(leadership_review: Any) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    vote(found, found.principal_group, found.principal, {"党建科": "90"})
    for deputy in found.deputies:
        vote(found, found.deputy_group, deputy, {"党建科": "80"})
    close_and_count(found)

    found.commit(actions.count_evaluation, found.office, found.evaluation)

    recount = AuditEntry.objects.get(action=Action.EVALUATION_RECOUNTED)
    assert recount.old == recount.new
    assert EvaluationEntry.objects.get(group="分管领导").score == Decimal(80)


def test_a_group_that_missed_its_quorum_sends_no_score(leadership_review: Any) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    vote(found, found.principal_group, found.principal, {"党建科": "90"})
    vote(found, found.deputy_group, found.deputies[0], {"党建科": "80"})  # 1 of 3

    close_and_count(found)

    assert set(EvaluationEntry.objects.values_list("group", flat=True)) == {"主要领导"}
    row = TallyRow.objects.get(group=found.deputy_group, cycle_unit=found.units["党建科"])
    assert row.mean == Decimal(80) and "未达到发出 3 张的有效人数要求" in row.note


def test_counting_waits_for_the_close(leadership_review: Any) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    with pytest.raises(ValidationError, match="请先结束测评"):
        actions.count_evaluation(found.office, found.evaluation)


def test_dissatisfaction_becomes_a_deduction_the_assessor_confirms(leadership: Any) -> None:
    found = leadership
    evaluation = actions.create_evaluation(
        found.office,
        found.cycle,
        name="班子满意度测评",
        deduction_node_path="日常考核 › 纪律规范情况",
        deduction_rule_id="dc5",
        quorum_percent=0,
        **window(),
    )
    found.evaluation = evaluation
    group = actions.set_group(
        found.office,
        evaluation,
        group_values("分管领导", "班子测评", "分管领导"),
        [DimensionLine("工作作风", GRADE)],
        members=found.deputies,
    )
    open_now(found, evaluation)
    vote(found, group, found.deputies[0], {"党建科": "不满意", "办公室": "满意"})
    vote(found, group, found.deputies[1], {"党建科": "不满意"})
    close_and_count(found)

    proposal = ProposedDeduction.objects.get()
    assert (proposal.cycle_unit.label, proposal.count) == ("党建科", 2)
    with pytest.raises(PermissionDenied):
        actions.decide_proposal(found.reporter, proposal, confirm=True)
    found.commit(actions.decide_proposal, found.inspector, proposal, True)

    record = Record.objects.get(rule="dc5")
    assert record.count == 2 and "「不满意」2 次" in record.note
    live = LiveResult.objects.get(cycle=found.cycle)
    discipline = next(
        n for n in live.unit("党建科")["nodes"] if n["path"] == "日常考核 › 纪律规范情况"
    )
    assert Decimal(discipline["score"]) == 11  # 15 − 2 × 2
