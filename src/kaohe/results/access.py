"""Who may see which results: small predicates, checked by every view and action."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from kaohe.accounts.roles import Role
from kaohe.cycles.models import Assignment, Cycle, CycleUnit

LEADER_ROLES = (Role.DEPUTY_LEADER, Role.PRINCIPAL_LEADER)
RESULT_READERS = (
    Role.OFFICE,
    Role.ASSESSOR,
    Role.REPORTER,
    Role.DEPUTY_LEADER,
    Role.PRINCIPAL_LEADER,
)


def is_office(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_role(Role.OFFICE))


def leads(user: Any, cycle_unit: CycleUnit) -> bool:
    """A leader of the unit itself or, for a section, of the department above it."""
    if not user.has_role(*LEADER_ROLES) or user.unit_id is None:
        return False
    return user.unit_id in {cycle_unit.unit_id, cycle_unit.unit.parent_id}


def may_view_unit(user: Any, cycle_unit: CycleUnit) -> bool:
    """The office, the unit's own users (any role) and its leaders."""
    if not user.is_authenticated:
        return False
    own = user.unit_id is not None and user.unit_id == cycle_unit.unit_id
    return is_office(user) or own or leads(user, cycle_unit)


def require_unit_view(user: Any, cycle_unit: CycleUnit) -> None:
    if not may_view_unit(user, cycle_unit):
        raise PermissionDenied("您只能查看本单位的考核结果")


def require_office(user: Any) -> None:
    if not is_office(user):
        raise PermissionDenied("只有考核办可以执行此操作")


def visible_cycle_units(user: Any) -> QuerySet[CycleUnit]:
    """The cycle units whose results this user may read (all of them for the office)."""
    units = CycleUnit.objects.select_related("cycle", "unit")
    if is_office(user):
        return units
    if user.unit_id is None:
        return units.none()
    mine = Q(unit_id=user.unit_id)
    if user.has_role(*LEADER_ROLES):
        mine |= Q(unit__parent_id=user.unit_id)
    return units.filter(mine)


def visible_cycles(user: Any) -> QuerySet[Cycle]:
    """Cycles the user has results in, or (an assessor) appeals to answer in."""
    if is_office(user):
        return Cycle.objects.all()
    mine = Q(pk__in=visible_cycle_units(user).values("cycle_id"))
    if user.has_role(Role.ASSESSOR) and user.unit_id is not None:
        mine |= Q(pk__in=Assignment.objects.filter(assessor_id=user.unit_id).values("cycle_id"))
    return Cycle.objects.filter(mine)
