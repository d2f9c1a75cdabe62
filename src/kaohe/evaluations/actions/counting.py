"""Close, count, freeze: the tally of each group becomes its 0–100 score on the scheme's item,
written where the office would type it (cycles' ``set_evaluation_score``, audited and
recomputed like a typed score); 「不满意」 becomes a proposed deduction where the evaluation
names the scheme's rule for it. A recount does it again from the same ballots."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum

from kaohe.audit.log import Action, log_change
from kaohe.cycles.access import may_record
from kaohe.cycles.actions import add_record, set_evaluation_score
from kaohe.cycles.models import CycleUnit, EvaluationEntry
from kaohe.evaluations.access import PERSONAL_SCOPES, rated_units, require_office
from kaohe.evaluations.actions.running import locked
from kaohe.evaluations.models import (
    Ballot,
    Evaluation,
    EvaluatorGroup,
    ProposedDeduction,
    TallyRow,
)
from kaohe.evaluations.tallying import CastBallot, GroupTally, Rules, tally

COUNTABLE = {Evaluation.Status.CLOSED, Evaluation.Status.COUNTED}


def rules_of(group: EvaluatorGroup) -> Rules:
    evaluation = group.evaluation
    return Rules(
        grade_points=group.grade_points(),
        quorum_percent=evaluation.quorum_percent,
        void_blank=evaluation.void_blank,
        void_over_issued=evaluation.void_over_issued,
        drop_extremes=evaluation.drop_extremes,
    )


def issued_by_session(group: EvaluatorGroup, is_test: bool = False) -> dict[str, int]:
    """Ballots issued: "" for the named members and the codes; each paper session by its id."""
    codes = group.batches.filter(is_test=is_test).aggregate(n=Sum("size"))["n"] or 0
    members = 0 if is_test else group.members.count()
    issued = {"": codes + members}
    for session in group.paper_sessions.filter(is_test=is_test):
        issued[str(session.pk)] = session.issued
    return issued


def group_tally(group: EvaluatorGroup, is_test: bool = False) -> GroupTally:
    ballots = [
        CastBallot(marks, str(session or ""))
        for marks, session in Ballot.objects.filter(group=group, is_test=is_test).values_list(
            "marks", "paper_session_id"
        )
    ]
    shown = [] if group.scope in PERSONAL_SCOPES else [str(u.pk) for u in rated_units(group)]
    marked = [unit_id for ballot in ballots for unit_id in ballot.marks]
    unit_ids = list(dict.fromkeys([*shown, *marked]))
    return tally(ballots, issued_by_session(group, is_test), unit_ids, rules_of(group))


def count_evaluation(actor: Any, evaluation: Evaluation) -> dict[str, Any]:
    """Counts (or recounts) a closed evaluation; returns what the audit entry records."""
    with transaction.atomic():
        require_office(actor)
        evaluation = locked(evaluation)
        if evaluation.status not in COUNTABLE:
            raise ValidationError("请先结束测评，再计票")
        recount = evaluation.status == Evaluation.Status.COUNTED
        old = counted_summary(evaluation) if recount else None
        unsatisfied: Counter[int] = Counter()
        for group in evaluation.groups.all():
            unsatisfied.update(store_tally(actor, group, group_tally(group)))
        propose_deductions(evaluation, unsatisfied)
        evaluation.status = Evaluation.Status.COUNTED
        evaluation.save(update_fields=["status"])
        new = counted_summary(evaluation)
        action = Action.EVALUATION_RECOUNTED if recount else Action.EVALUATION_COUNTED
        log_change(actor, action, evaluation, old=old, new=new)
    return new


def store_tally(actor: Any, group: EvaluatorGroup, result: GroupTally) -> Counter[int]:
    """The group's rows, frozen; each unit's mean sent to the scheme's item when it counts."""
    group.tally_rows.all().delete()
    units = CycleUnit.objects.in_bulk([int(pk) for pk in result.units])
    note = refusal_note(result)
    unsatisfied: Counter[int] = Counter()
    for unit_id, unit in result.units.items():
        cycle_unit = units[int(unit_id)]
        score = unit.mean if result.counts else None
        TallyRow.objects.create(
            group=group,
            cycle_unit=cycle_unit,
            counted=unit.counted,
            void=unit.void,
            no_answer=unit.no_answer,
            dropped=unit.dropped,
            mean=unit.mean,
            unsatisfied=unit.unsatisfied,
            note=note or ("" if unit.mean is not None else "无有效评价"),
        )
        if score is not None:
            write_score(actor, group, cycle_unit, score)
        unsatisfied[cycle_unit.pk] += unit.unsatisfied if result.counts else 0
    return unsatisfied


def refusal_note(result: GroupTally) -> str:
    if result.void_sessions:
        return "收回票数多于发出票数，该场次作废"
    if not result.quorum_met:
        return f"有效票 {result.valid} 张，未达到发出 {result.issued} 张的有效人数要求，不计分"
    return ""


def write_score(actor: Any, group: EvaluatorGroup, cycle_unit: CycleUnit, score: Decimal) -> None:
    evaluation = group.evaluation
    saved = EvaluationEntry.objects.filter(
        cycle_unit=cycle_unit,
        node_path=group.node_path,
        group=group.scheme_group,
        round=evaluation.round,
    ).first()
    set_evaluation_score(
        actor,
        cycle_unit,
        group.node_path,
        group.scheme_group,
        score,
        evaluation.round,
        saved.version if saved else 0,
    )


def propose_deductions(evaluation: Evaluation, unsatisfied: Counter[int]) -> None:
    """Where the evaluation names the scheme's rule for 「不满意」: one pending proposal per unit
    (a recount replaces the pending ones; confirmed and dismissed ones stay decided)."""
    if not evaluation.deduction_rule_id:
        return
    evaluation.proposed_deductions.filter(status=ProposedDeduction.Status.PENDING).delete()
    decided = set(evaluation.proposed_deductions.values_list("cycle_unit_id", flat=True))
    ProposedDeduction.objects.bulk_create(
        ProposedDeduction(
            evaluation=evaluation,
            cycle_unit_id=unit_id,
            node_path=evaluation.deduction_node_path,
            rule_id=evaluation.deduction_rule_id,
            count=count,
        )
        for unit_id, count in sorted(unsatisfied.items())
        if count and unit_id not in decided
    )


def counted_summary(evaluation: Evaluation) -> dict[str, Any]:
    """Per group: the counted ballots and the units scored (what a recount may change)."""
    summary: dict[str, Any] = {}
    for group in evaluation.groups.all():
        rows = list(group.tally_rows.select_related("cycle_unit"))
        summary[group.name] = {str(row.cycle_unit): str(row.mean) for row in rows}
    return summary


@transaction.atomic
def decide_proposal(actor: Any, proposal: ProposedDeduction, confirm: bool) -> ProposedDeduction:
    """The indicator's assessor confirms the 「不满意」 count into a record, or dismisses it."""
    proposal = (
        ProposedDeduction.objects.select_for_update()
        .select_related("evaluation__cycle", "cycle_unit")
        .get(pk=proposal.pk)
    )
    cycle = proposal.evaluation.cycle
    if not may_record(actor, cycle, proposal.node_path):
        raise PermissionDenied("您不负责该指标的考核")
    if proposal.status != ProposedDeduction.Status.PENDING:
        raise ValidationError("该建议扣分已经处理过")
    if confirm:
        note = f"测评「{proposal.evaluation}」中「不满意」{proposal.count} 次"
        proposal.record = add_record(
            actor,
            proposal.cycle_unit,
            indicator=proposal.node_path,
            rule=proposal.rule_id,
            count=Decimal(proposal.count),
            note=note,
        )
    proposal.status = proposal.Status.CONFIRMED if confirm else proposal.Status.DISMISSED
    proposal.decided_by = actor
    proposal.save(update_fields=["status", "record", "decided_by"])
    log_change(
        actor, Action.PROPOSED_DEDUCTION_DECIDED, proposal, new=proposal.get_status_display()
    )
    return proposal
