"""申诉: file within the window, decide within the deadline; upheld appeals correct the record
and publish the next snapshot. Every step: permission check, transaction, audit, notices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kaohe import engine, uploads
from kaohe.accounts.models import User
from kaohe.accounts.roles import Role
from kaohe.appeals.models import Appeal, AppealEvidence
from kaohe.audit.log import Action, log_change
from kaohe.cycles.access import may_decide_appeal, may_file_appeal, result_readers
from kaohe.cycles.actions import check_evaluation_score, check_record, record_snapshot
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Cycle, CycleUnit, EvaluationEntry, Record
from kaohe.progress.notify import notify
from kaohe.results.actions import appeal_window_open, record_row, republish
from kaohe.results.presentation import record_text
from kaohe.workdays.calendar import add_working_days

EVIDENCE_FOLDER = "appeals"


@dataclass(frozen=True)
class Correction:
    """What an upheld appeal changes: a record's count/value, or the record withdrawn, or
    (``add_rule``) a record added under the appealed item — e.g. a bonus left out — or
    (``evaluation_id``) an evaluator group's score on the appealed item set to ``score``."""

    record_id: int | None = None
    count: Decimal | None = None
    value: Decimal | None = None
    withdraw: bool = False
    add_rule: str = ""
    level: str = ""
    evaluation_id: int | None = None
    score: Decimal | None = None


def appealed_node(cycle_unit: CycleUnit, record: Record | None, node_path: str) -> tuple[str, str]:
    scheme = cycle_scheme(cycle_unit.cycle)
    node = scheme.find_node(record.indicator if record else node_path)
    if node is None:
        raise ValidationError("请选择要申诉的考核记录或指标")
    return node.path, node.name


def appealed_record(cycle_unit: CycleUnit, record_id: int | None) -> Record | None:
    if record_id is None:
        return None
    record = Record.objects.filter(pk=record_id, unit=cycle_unit).first()
    if record is None:
        raise ValidationError("只能对本单位的考核记录提出申诉")
    return record


@transaction.atomic
def file_appeal(
    actor: User,
    cycle_unit: CycleUnit,
    reason: str,
    record_id: int | None = None,
    node_path: str = "",
    files: Sequence[UploadedFile] = (),
) -> Appeal:
    if not may_file_appeal(actor, cycle_unit):
        raise PermissionDenied("只有本单位的填报人或领导可以提出申诉")
    cycle = Cycle.objects.select_for_update().get(pk=cycle_unit.cycle_id)  # the status as of now
    if not appeal_window_open(cycle):
        raise ValidationError("申诉期已过或结果尚未公示，不能再提出申诉")
    if not reason.strip():
        raise ValidationError("请写明申诉理由")
    record = appealed_record(cycle_unit, record_id)
    path, name = appealed_node(cycle_unit, record, node_path)
    for upload in files:
        uploads.check(upload)  # every file passes before anything is stored
    appeal = Appeal.objects.create(
        cycle=cycle,
        cycle_unit=cycle_unit,
        snapshot=cycle.snapshots.order_by("-number").first(),
        record=record,
        record_label=record_label(record),
        node_path=path,
        node_name=name,
        reason=reason.strip(),
        filed_by=actor,
        decision_due=add_working_days(timezone.localdate(), cycle.decision_working_days),
    )
    stored = [
        uploads.attach(actor, AppealEvidence, EVIDENCE_FOLDER, upload, appeal=appeal)
        for upload in files
    ]
    log_change(
        actor,
        Action.APPEAL_FILED,
        appeal,
        new={
            "指标": name,
            "记录": appeal.record_label,
            "理由": appeal.reason,
            "材料": [f"{item.original_name}（SHA-256 {item.sha256}）" for item in stored],
        },
    )
    url = reverse("appeals:detail", args=[cycle.pk, appeal.pk])
    notify(deciders(appeal), f"{cycle_unit}提出申诉：{name}", url)
    return appeal


def record_label(record: Record | None) -> str:
    if record is None:
        return ""
    return record_text(record_row(record), cycle_scheme(record.cycle))[:500]


def deciders(appeal: Appeal) -> list[User]:
    users = User.objects.filter(is_active=True, role_grants__role__in=[Role.OFFICE, Role.ASSESSOR])
    return [user for user in users.distinct() if may_decide_appeal(user, appeal)]


@transaction.atomic
def decide_appeal(
    actor: User,
    appeal_id: int,
    upheld: bool,
    decision: str,
    correction: Correction | None = None,
) -> Appeal:
    appeal = (
        Appeal.objects.select_for_update().select_related("cycle", "cycle_unit").get(pk=appeal_id)
    )
    if not may_decide_appeal(actor, appeal):
        raise PermissionDenied("只有考核办或该指标的考评单位可以答复申诉")
    if not appeal.is_pending:
        raise ValidationError("该申诉已答复")
    if appeal.cycle.status != Cycle.Status.PUBLISHED:
        raise ValidationError("考核周期不在公示期，不能答复申诉")
    if not decision.strip():
        raise ValidationError("请写明答复意见")
    if upheld:
        correct_record(actor, appeal, correction or Correction())
    appeal.status = Appeal.Status.UPHELD if upheld else Appeal.Status.REJECTED
    appeal.decision, appeal.decided_by = decision.strip(), actor
    appeal.decided_at = timezone.now()
    if upheld:
        appeal.republished = republish(actor, appeal.cycle, f"申诉成立：{appeal}")
    appeal.save(update_fields=["status", "decision", "decided_by", "decided_at", "republished"])
    log_change(
        actor,
        Action.APPEAL_DECIDED,
        appeal,
        old="待答复",
        new={"结果": appeal.get_status_display(), "意见": appeal.decision},
    )
    url = reverse("appeals:detail", args=[appeal.cycle_id, appeal.pk])
    text = f"您对「{appeal.node_name}」的申诉已答复：{appeal.get_status_display()}"
    notify(result_readers(appeal.cycle_unit), text, url)
    return appeal


def correct_record(actor: User, appeal: Appeal, correction: Correction) -> None:
    """The upheld record changes although the cycle is published: version + 1, audited."""
    if correction.evaluation_id is not None:
        correct_evaluation(actor, appeal, correction)
        return
    if correction.add_rule:
        add_missing_record(actor, appeal, correction)
        return
    record_id = correction.record_id or appeal.record_id
    record = Record.objects.select_for_update().filter(pk=record_id, unit=appeal.cycle_unit).first()
    if record is None or not engine.within(record.indicator, appeal.node_path):
        raise ValidationError("请选择本次申诉涉及的考核记录进行更正")
    old = record_snapshot(record)
    if correction.withdraw:
        log_change(actor, Action.APPEAL_WITHDREW_RECORD, record, old=old)
        record.delete()
        return
    record.count, record.value = corrected_amounts(appeal.cycle, old, correction)
    record.version += 1
    record.save(update_fields=["count", "value", "version", "recorded_at"])
    log_change(actor, Action.APPEAL_CORRECTED_RECORD, record, old=old, new=record_snapshot(record))


def corrected_amounts(
    cycle: Cycle, values: dict[str, Any], correction: Correction
) -> tuple[Decimal | None, Decimal | None]:
    """The record's 次数 and 数值 as corrected, checked like any record saved in the grid."""
    if correction.count is None and correction.value is None:
        raise ValidationError("申诉成立时请填写更正后的次数或数值，或撤销该记录")
    corrected = {
        **values,
        "count": values["count"] if correction.count is None else correction.count,
        "value": values["value"] if correction.value is None else correction.value,
    }
    check_record(cycle, corrected)
    return corrected["count"], corrected["value"]


def add_missing_record(actor: User, appeal: Appeal, correction: Correction) -> None:
    """A record the assessor left out (补录), under the appealed item, checked like any other."""
    scheme = cycle_scheme(appeal.cycle)
    rule = scheme.rules.get(correction.add_rule)
    if rule is None or not engine.within(rule.node_path, appeal.node_path):
        raise ValidationError("补录的规则不属于本次申诉的指标")
    values = {
        "indicator": rule.node_path,
        "rule": rule.id,
        "count": correction.count,
        "value": correction.value,
        "level": correction.level,
        "note": f"申诉成立补录（申诉 #{appeal.pk}）",
    }
    check_record(appeal.cycle, values)
    record = Record.objects.create(
        cycle=appeal.cycle, unit=appeal.cycle_unit, recorded_by=actor, **values
    )
    log_change(actor, Action.APPEAL_ADDED_RECORD, record, new=record_snapshot(record))


def correct_evaluation(actor: User, appeal: Appeal, correction: Correction) -> None:
    """An evaluator group's score on the appealed item, corrected although the cycle is
    published (a score entered wrongly, a ballot miscounted); audited with the old score."""
    entry = (
        EvaluationEntry.objects.select_for_update()
        .filter(pk=correction.evaluation_id, cycle_unit=appeal.cycle_unit)
        .first()
    )
    if entry is None or not engine.within(entry.node_path, appeal.node_path):
        raise ValidationError("请选择本次申诉涉及的测评得分进行更正")
    if correction.score is None:
        raise ValidationError("申诉成立时请填写更正后的测评得分")
    typed = engine.EvaluationScore(
        str(appeal.cycle_unit), entry.node_path, entry.group, correction.score, entry.round
    )
    check_evaluation_score(appeal.cycle, typed)
    old = str(entry.score)
    entry.score, entry.version = correction.score, entry.version + 1
    entry.save(update_fields=["score", "version"])
    log_change(actor, Action.APPEAL_CORRECTED_SCORE, entry, old=old, new=str(correction.score))
