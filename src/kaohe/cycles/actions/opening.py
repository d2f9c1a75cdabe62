"""Opening a cycle, its 任务分工 and its units' participation: check, transaction, audit."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from kaohe import engine
from kaohe.accounts.models import Unit, User
from kaohe.audit.log import Action, log_change
from kaohe.cycles.access import is_office, require
from kaohe.cycles.actions.records import ensure_open, notify_changed
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Assignment, Cycle, CycleUnit
from kaohe.schemes.models import SchemeVersion


@dataclass(frozen=True)
class UnitEntry:
    """An assessed unit as the office picks it when opening a cycle."""

    unit: Unit
    categories: tuple[str, ...] = ()
    not_participating: tuple[str, ...] = ()


@dataclass
class CyclePlan:
    name: str
    version: SchemeVersion
    period: str
    starts_on: datetime.date
    ends_on: datetime.date
    units: list[UnitEntry] = field(default_factory=list)
    submission_deadline: datetime.date | None = None


def unique_labels(units: Iterable[Unit]) -> dict[int, str]:
    """Units keep their own name unless two share it; then the parent's name goes in front."""
    units = list(units)
    names = [unit.name for unit in units]
    return {
        unit.pk: unit.name
        if names.count(unit.name) == 1 or unit.parent is None
        else f"{unit.parent.name}{unit.name}"
        for unit in units
    }


class UnitFinder:
    """Finds units named in a scheme: first among the assessed units, then among their
    siblings, then in the whole organisation; a name matching several units in the first
    scope that knows it is left for the office to settle."""

    def __init__(self, assessed: list[Unit]) -> None:
        parents = {unit.parent_id for unit in assessed if unit.parent_id}
        siblings = list(Unit.objects.filter(parent_id__in=parents))
        self.scopes = [
            self.by_name(assessed),
            self.by_name(siblings),
            self.by_name(Unit.objects.all()),
        ]

    @staticmethod
    def by_name(units: Iterable[Unit]) -> dict[str, list[Unit]]:
        found: dict[str, list[Unit]] = {}
        for unit in units:
            found.setdefault(unit.name, []).append(unit)
        return found

    def find(self, name: str) -> Unit | None:
        for scope in self.scopes:
            matches = scope.get(name.strip(), [])
            if matches:
                return matches[0] if len(matches) == 1 else None
        return None

    def find_all(self, names: Iterable[str]) -> list[Unit]:
        return [unit for unit in map(self.find, names) if unit is not None]


def needs_assignment(node: engine.Node) -> bool:
    """Nodes the document assigns to someone, and every leaf that carries rules."""
    named = bool(node.assessor or node.owners.units or node.owners.leaders)
    return named or (not node.is_group and bool(node.rules))


def assign_from_scheme(cycle: Cycle, scheme: engine.Scheme, units: list[Unit]) -> int:
    """任务分工 as the scheme says, matching its unit names against the organisation."""
    finder = UnitFinder(units)
    created = 0
    for node in scheme.nodes.values():
        if not needs_assignment(node):
            continue
        assignment = Assignment.objects.create(
            cycle=cycle,
            node_path=node.path,
            node_code=node.code,
            node_name=node.name,
            assessor=finder.find(node.assessor) if node.assessor else None,
            leaders="、".join(node.owners.leaders),
            persons="、".join(node.owners.persons),
            deadline=cycle.submission_deadline,
        )
        assignment.responsible_units.set(finder.find_all(node.owners.units))
        created += 1
    return created


@transaction.atomic
def open_cycle(actor: User, plan: CyclePlan) -> Cycle:
    require(is_office(actor), "只有考核办可以开启考核周期")
    if not plan.version.is_published:
        raise ValidationError("考核周期只能使用已发布的方案版本")
    if plan.ends_on < plan.starts_on:
        raise ValidationError("结束日期早于开始日期")
    if not plan.units:
        raise ValidationError("请至少选择一个被考核单位")
    cycle = Cycle.objects.create(
        name=plan.name,
        scheme_version=plan.version,
        period=plan.period,
        starts_on=plan.starts_on,
        ends_on=plan.ends_on,
        submission_deadline=plan.submission_deadline,
        created_by=actor,
    )
    labels = unique_labels(entry.unit for entry in plan.units)
    for entry in plan.units:
        CycleUnit.objects.create(
            cycle=cycle,
            unit=entry.unit,
            label=labels[entry.unit.pk],
            categories=list(entry.categories),
            not_participating=list(entry.not_participating),
        )
    assign_from_scheme(cycle, cycle_scheme(cycle), [entry.unit for entry in plan.units])
    log_change(
        actor,
        Action.CYCLE_OPENED,
        cycle,
        new={
            "名称": cycle.name,
            "方案": str(plan.version),
            "单位": sorted(labels.values()),
        },
    )
    return cycle


def assignment_snapshot(assignment: Assignment) -> dict[str, Any]:
    return {
        "考评单位": str(assignment.assessor or ""),
        "责任单位": sorted(str(unit) for unit in assignment.responsible_units.all()),
        "分管领导": assignment.leaders,
        "责任人": assignment.persons,
        "完成期限": assignment.deadline,
    }


@transaction.atomic
def change_assignment(
    actor: User,
    assignment: Assignment,
    *,
    assessor: Unit | None,
    responsible_units: Iterable[Unit],
    leaders: str,
    persons: str,
    deadline: datetime.date | None,
) -> None:
    require(is_office(actor), "只有考核办可以调整任务分工")
    old = assignment_snapshot(assignment)
    assignment.assessor, assignment.leaders = assessor, leaders
    assignment.persons, assignment.deadline = persons, deadline
    assignment.save(update_fields=["assessor", "leaders", "persons", "deadline"])
    assignment.responsible_units.set(responsible_units)
    log_change(
        actor, Action.ASSIGNMENT_CHANGED, assignment, old=old, new=assignment_snapshot(assignment)
    )


@transaction.atomic
def change_participation(
    actor: User,
    cycle_unit: CycleUnit,
    *,
    categories: Iterable[str],
    not_participating: Iterable[str],
) -> None:
    """A unit's categories (扣分分值加倍 and the like) and the items it does not take part in
    (不参加的得平均分, or the points move to a sibling, as the scheme says)."""
    require(is_office(actor), "只有考核办可以调整被考核单位的类别和参与情况")
    cycle = cycle_unit.cycle
    ensure_open(cycle)
    scheme = cycle_scheme(cycle)
    paths = list(not_participating)
    unknown = [path for path in paths if path not in scheme.nodes]
    if unknown:
        raise ValidationError(f"方案中没有指标「{'、'.join(unknown)}」")
    old = {"类别": cycle_unit.categories, "不参加": cycle_unit.not_participating}
    cycle_unit.categories, cycle_unit.not_participating = list(categories), paths
    cycle_unit.save(update_fields=["categories", "not_participating"])
    log_change(
        actor,
        Action.PARTICIPATION_CHANGED,
        cycle_unit,
        old=old,
        new={"类别": cycle_unit.categories, "不参加": cycle_unit.not_participating},
    )
    notify_changed(cycle, None)
