"""Who is who for a unit's progress reports, and who may see or act on them.

填报人: users with Role.REPORTER in the cycle unit's unit. 分管领导 / 主要领导: users with that
role in the unit, or in its parent when the unit is a section (科室). 考核办: Role.OFFICE. The
task's 考评单位 (its assessor unit's users with Role.ASSESSOR) may read the reports and evidence.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from kaohe.accounts.models import Unit, User
from kaohe.accounts.roles import Role
from kaohe.cycles.models import Assignment, CycleUnit


def leader_unit_ids(unit: Unit) -> set[int]:
    ids = {unit.pk}
    if unit.kind == Unit.Kind.SECTION and unit.parent_id:
        ids.add(unit.parent_id)
    return ids


def users_with(role: str, unit_ids: set[int]) -> QuerySet[User]:
    return User.objects.filter(is_active=True, role_grants__role=role, unit_id__in=unit_ids)


def reporters(cycle_unit: CycleUnit) -> QuerySet[User]:
    return users_with(Role.REPORTER, {cycle_unit.unit_id})


def deputies(cycle_unit: CycleUnit) -> QuerySet[User]:
    return users_with(Role.DEPUTY_LEADER, leader_unit_ids(cycle_unit.unit))


def principals(cycle_unit: CycleUnit) -> QuerySet[User]:
    return users_with(Role.PRINCIPAL_LEADER, leader_unit_ids(cycle_unit.unit))


def office() -> QuerySet[User]:
    return User.objects.filter(is_active=True, role_grants__role=Role.OFFICE)


def is_reporter_of(user: Any, cycle_unit: CycleUnit) -> bool:
    return user.has_role(Role.REPORTER) and user.unit_id == cycle_unit.unit_id


def is_leader_of(user: Any, cycle_unit: CycleUnit, role: str) -> bool:
    return user.has_role(role) and user.unit_id in leader_unit_ids(cycle_unit.unit)


def is_assessor_of(user: Any, assignment: Assignment) -> bool:
    return (
        user.has_role(Role.ASSESSOR)
        and assignment.assessor_id is not None
        and user.unit_id == assignment.assessor_id
    )


def may_read(user: Any, cycle_unit: CycleUnit, assignment: Assignment) -> bool:
    """The owning unit's reporters, its leaders, the task's assessors and the office."""
    return (
        user.has_role(Role.OFFICE)
        or is_reporter_of(user, cycle_unit)
        or is_leader_of(user, cycle_unit, Role.DEPUTY_LEADER)
        or is_leader_of(user, cycle_unit, Role.PRINCIPAL_LEADER)
        or is_assessor_of(user, assignment)
    )


def responsible_filter(unit: Unit) -> Q:
    """Assignments a unit answers for: named itself, or one of its sections named."""
    return Q(responsible_units=unit) | Q(responsible_units__parent=unit)
