"""The office sets an evaluation up: its settings, its evaluator groups and their forms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from kaohe.audit.log import Action, log_change
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Cycle
from kaohe.evaluations.access import require_office
from kaohe.evaluations.items import Item, evaluation_items
from kaohe.evaluations.models import Dimension, Evaluation, EvaluatorGroup

SETTINGS = (
    "name",
    "round",
    "opens_at",
    "closes_at",
    "quorum_percent",
    "void_blank",
    "void_over_issued",
    "drop_extremes",
    "deduction_node_path",
    "deduction_rule_id",
)
GROUP_FIELDS = (
    "name",
    "node_path",
    "scheme_group",
    "scope",
    "marking",
    "satisfied_points",
    "fairly_points",
    "unsatisfied_points",
    "allows_comment",
)


@dataclass(frozen=True)
class DimensionLine:
    name: str
    marking: str


def snapshot(target: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(target, name) for name in names}


def check_settings(evaluation: Evaluation) -> None:
    if evaluation.closes_at <= evaluation.opens_at:
        raise ValidationError("结束时间应晚于开始时间")
    if not 0 <= evaluation.quorum_percent < 100:
        raise ValidationError("有效人数要求应在 0 到 99 之间")
    path, rule_id = evaluation.deduction_node_path, evaluation.deduction_rule_id
    if path or rule_id:
        scheme = cycle_scheme(evaluation.cycle)
        node = scheme.find_node(path)
        if node is None or rule_id not in {rule.id for rule in node.rules}:
            raise ValidationError(f"方案中没有指标「{path}」的扣分规则「{rule_id}」")


def ensure_settable(evaluation: Evaluation) -> None:
    if not evaluation.is_settable:
        raise ValidationError(
            f"测评「{evaluation}」{evaluation.get_status_display()}，设置不可再改"
        )


@transaction.atomic
def create_evaluation(actor: Any, cycle: Cycle, **values: Any) -> Evaluation:
    require_office(actor)
    if not cycle.is_open:
        raise ValidationError(f"考核周期「{cycle}」{cycle.get_status_display()}，不能发起测评")
    evaluation = Evaluation(cycle=cycle, created_by=actor, **values)
    check_settings(evaluation)
    evaluation.save()
    log_change(actor, Action.EVALUATION_CREATED, evaluation, new=snapshot(evaluation, SETTINGS))
    return evaluation


@transaction.atomic
def change_evaluation(actor: Any, evaluation: Evaluation, **values: Any) -> Evaluation:
    require_office(actor)
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    ensure_settable(evaluation)
    old = snapshot(evaluation, SETTINGS)
    for name, value in values.items():
        setattr(evaluation, name, value)
    check_settings(evaluation)
    evaluation.save(update_fields=list(values))
    log_change(
        actor, Action.EVALUATION_CHANGED, evaluation, old=old, new=snapshot(evaluation, SETTINGS)
    )
    return evaluation


def scheme_item(evaluation: Evaluation, node_path: str) -> Item:
    items = {item.path: item for item in evaluation_items(cycle_scheme(evaluation.cycle))}
    if node_path not in items:
        raise ValidationError(f"「{node_path}」不是方案中的测评类指标")
    return items[node_path]


def check_group(evaluation: Evaluation, group: EvaluatorGroup) -> None:
    """The group feeds one of the scheme's groups of an evaluation item, in a round it has."""
    item = scheme_item(evaluation, group.node_path)
    if group.scheme_group not in item.groups:
        raise ValidationError(
            f"指标「{item.name}」的评议组只有（{'、'.join(item.groups)}），没有「{group.scheme_group}」"
        )
    if item.rounds and evaluation.round not in item.rounds:
        raise ValidationError(
            f"指标「{item.name}」分（{'、'.join(item.rounds)}）计分，请先为测评选择轮次"
        )
    for name in ("satisfied_points", "fairly_points", "unsatisfied_points"):
        if not 0 <= getattr(group, name) <= 100:
            raise ValidationError("等次的计分应在 0 到 100 之间")


@transaction.atomic
def set_group(
    actor: Any,
    evaluation: Evaluation,
    values: dict[str, Any],
    dimensions: list[DimensionLine],
    group: EvaluatorGroup | None = None,
    units: Any = (),
    members: Any = (),
) -> EvaluatorGroup:
    """Creates or changes a group with its form (dimensions), its units and its members."""
    require_office(actor)
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    ensure_settable(evaluation)
    if not dimensions:
        raise ValidationError("请至少填写一个评议维度")
    group = group or EvaluatorGroup(evaluation=evaluation)
    old = None if group.pk is None else group_snapshot(group)
    for name, value in values.items():
        setattr(group, name, value)
    check_group(evaluation, group)
    group.save()
    group.units.set(units)
    group.members.set(members)
    group.dimensions.all().delete()
    Dimension.objects.bulk_create(
        Dimension(group=group, name=line.name, marking=line.marking, order=index)
        for index, line in enumerate(dimensions)
    )
    log_change(actor, Action.EVALUATOR_GROUP_SET, group, old=old, new=group_snapshot(group))
    return group


def group_snapshot(group: EvaluatorGroup) -> dict[str, Any]:
    return {
        **snapshot(group, GROUP_FIELDS),
        "dimensions": [f"{d.name}（{d.get_marking_display()}）" for d in group.dimensions.all()],
        "units": [str(unit) for unit in group.units.all()],
        "members": [str(user) for user in group.members.all()],
    }


@transaction.atomic
def remove_group(actor: Any, group: EvaluatorGroup) -> None:
    require_office(actor)
    ensure_settable(Evaluation.objects.select_for_update().get(pk=group.evaluation_id))
    log_change(actor, Action.EVALUATOR_GROUP_REMOVED, group, old=group_snapshot(group))
    group.delete()
