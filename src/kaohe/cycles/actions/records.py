"""Records and evaluation scores: permission check, transaction, audit, then notification."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from kaohe import engine, uploads
from kaohe.accounts.models import User
from kaohe.audit.log import Action, log_change
from kaohe.cycles.access import is_office, may_record
from kaohe.cycles.changes import notify_changed
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.fields import RECORD_COLUMNS, refusal, unsaved_record
from kaohe.cycles.models import Cycle, CycleUnit, EvaluationEntry, Record

# Decimal places an evaluation score keeps: the column's.
SCORE_PLACES = cast(models.DecimalField, EvaluationEntry._meta.get_field("score")).decimal_places


def ensure_open(cycle: Cycle) -> None:
    """Re-reads the status under a row lock: the office may have locked the cycle since the
    caller loaded it."""
    cycle.status = (
        Cycle.objects.select_for_update().values_list("status", flat=True).get(pk=cycle.pk)
    )
    if not cycle.is_open:
        raise ValidationError(f"考核周期「{cycle}」{cycle.get_status_display()}，记录不可再修改")


def record_snapshot(record: Record) -> dict[str, Any]:
    return {name: getattr(record, name) for name in RECORD_COLUMNS}


def check_record(cycle: Cycle, values: dict[str, Any]) -> None:
    """Finds the record's indicator and rule (filling in an only rule), then refuses what the
    rule or the cycle does not allow, each problem naming its field."""
    scheme = cycle_scheme(cycle)
    node = scheme.find_node(values["indicator"])
    if node is None:
        raise ValidationError(f"方案中没有指标「{values['indicator']}」")
    values["indicator"] = node.path
    rule_ids = [rule.id for rule in node.rules]
    if not values.get("rule") and len(rule_ids) == 1:
        values["rule"] = rule_ids[0]
    if values.get("rule") not in rule_ids:
        raise ValidationError(f"指标「{node.name}」没有规则「{values.get('rule', '')}」")
    rule = scheme.rules[values["rule"]]
    if rule.kind == "discretionary":
        check_discretionary(rule, values)
    period = (cycle.starts_on, cycle.ends_on)
    problems = engine.record_problems(scheme, unsaved_record(values), period)
    if problems:
        raise refusal(problems)


def check_discretionary(rule: engine.Rule, values: dict[str, Any]) -> None:
    """酌情扣分: the assessor picks the amount within the rule's range and says why."""
    if not str(values.get("note", "")).strip():
        raise ValidationError(f"「{rule.title}」是酌情扣分，必须写明理由")
    low, high = rule.settings.get("min"), rule.settings.get("max")
    if values.get("value") is None:
        raise ValidationError(f"「{rule.title}」请在「数值」中填写分值（{low}～{high} 分）")


@transaction.atomic
def add_record(actor: User, cycle_unit: CycleUnit, **values: Any) -> Record:
    cycle = cycle_unit.cycle
    ensure_open(cycle)
    check_record(cycle, values)
    if not may_record(actor, cycle, values["indicator"]):
        raise PermissionDenied("您不负责该指标的考核")
    record = Record.objects.create(
        cycle=cycle,
        unit=cycle_unit,
        recorded_by=actor,
        **{k: v for k, v in values.items() if k in RECORD_COLUMNS},
    )
    log_change(actor, Action.RECORD_ADDED, record, new=record_snapshot(record))
    notify_changed(cycle, cycle_unit)
    return record


@transaction.atomic
def change_record(actor: User, record_id: int, expected_version: int, **values: Any) -> Record:
    record = Record.objects.select_for_update().select_related("cycle").get(pk=record_id)
    ensure_open(record.cycle)
    record.ensure_unchanged_since(
        expected_version, "该记录已被他人修改，请刷新后再改（您的修改未保存）"
    )
    merged = {**record_snapshot(record), **values}
    check_record(record.cycle, merged)
    if not may_record(actor, record.cycle, merged["indicator"]):
        raise PermissionDenied("您不负责该指标的考核")
    old = record_snapshot(record)
    for name in RECORD_COLUMNS:
        setattr(record, name, merged[name])
    record.version += 1
    record.recorded_by = actor
    record.save()
    log_change(actor, Action.RECORD_CHANGED, record, old=old, new=record_snapshot(record))
    notify_changed(record.cycle, record.unit)
    return record


@transaction.atomic
def delete_record(actor: User, record_id: int, expected_version: int) -> None:
    record = Record.objects.select_for_update().select_related("cycle").get(pk=record_id)
    ensure_open(record.cycle)
    record.ensure_unchanged_since(expected_version, "该记录已被他人修改，请刷新后再删除")
    if not may_record(actor, record.cycle, record.indicator):
        raise PermissionDenied("您不负责该指标的考核")
    log_change(actor, Action.RECORD_DELETED, record, old=record_snapshot(record))
    cycle, cycle_unit = record.cycle, record.unit
    stored = list(record.evidence.values_list("stored_name", flat=True))
    record.delete()
    transaction.on_commit(lambda: [uploads.discard(name) for name in stored])
    notify_changed(cycle, cycle_unit)


def check_evaluation_score(cycle: Cycle, score: engine.EvaluationScore) -> None:
    """Refuses a score the scheme's evaluation item does not allow (0–100, its groups and
    rounds) or the database cannot keep exactly (more than three decimal places)."""
    problems = engine.evaluation_score_problems(cycle_scheme(cycle), score)
    if not problems and score.score.as_tuple().exponent < -SCORE_PLACES:  # type: ignore[operator]
        problems.append(f"测评得分最多保留 {SCORE_PLACES} 位小数（填写的是 {score.score}）")
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def set_evaluation_score(
    actor: User,
    cycle_unit: CycleUnit,
    node_path: str,
    group: str,
    score: Decimal,
    round_name: str = "",
    expected_version: int = 0,
) -> EvaluationEntry:
    """Saves one cell of the evaluation grid. ``expected_version`` is the version the clerk
    started from (0: the cell was empty); a cell changed since is refused with its newer score."""
    cycle = cycle_unit.cycle
    ensure_open(cycle)
    if not is_office(actor):
        raise PermissionDenied("只有考核办可以录入测评得分")
    facts = engine.EvaluationScore(str(cycle_unit), node_path, group, score, round_name)
    check_evaluation_score(cycle, facts)
    entry, created = EvaluationEntry.objects.select_for_update().get_or_create(
        cycle=cycle,
        cycle_unit=cycle_unit,
        node_path=node_path,
        group=group,
        round=round_name,
        defaults={"score": score},
    )
    old = None if created else str(entry.score)
    if not created and entry.score == score:
        return entry  # typed as it stands: nothing changes, nobody is overwritten
    if not created:
        entry.ensure_unchanged_since(expected_version, stale_score(entry, score))
        entry.score, entry.version = score, entry.version + 1
        entry.save(update_fields=["score", "version"])
    log_change(actor, Action.EVALUATION_SCORE_ENTERED, entry, old=old, new=str(score))
    notify_changed(cycle, cycle_unit)
    return entry


def stale_score(entry: EvaluationEntry, typed: Decimal) -> str:
    newer, yours = (f"{number.normalize():f}" for number in (entry.score, typed))
    return f"该测评得分已被他人改为 {newer}，请刷新后再改（您填写的 {yours} 未保存）"
