"""Who may file, read and decide appeals."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from kaohe import engine
from kaohe.accounts.roles import Role
from kaohe.appeals.models import Appeal
from kaohe.cycles.access import assessor_paths, covers
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.results.access import LEADER_ROLES, is_office, may_view_unit

FILERS = (Role.REPORTER, *LEADER_ROLES)


def may_file(user: Any, cycle_unit: CycleUnit) -> bool:
    """The unit appeals through its own reporter or leaders."""
    return bool(
        user.is_authenticated and user.unit_id == cycle_unit.unit_id and user.has_role(*FILERS)
    )


def assesses(user: Any, appeal: Appeal) -> bool:
    return any(covers(path, appeal.node_path) for path in assessor_paths(user, appeal.cycle))


def may_decide(user: Any, appeal: Appeal) -> bool:
    return is_office(user) or assesses(user, appeal)


def may_read(user: Any, appeal: Appeal) -> bool:
    return may_view_unit(user, appeal.cycle_unit) or may_decide(user, appeal)


def visible_appeals(user: Any, cycle: Cycle) -> QuerySet[Appeal]:
    appeals = Appeal.objects.filter(cycle=cycle).select_related("cycle_unit__unit", "cycle")
    if is_office(user):
        return appeals
    mine = Q(cycle_unit__unit_id=user.unit_id) if user.unit_id else Q(pk__in=[])
    if user.has_role(*LEADER_ROLES) and user.unit_id:
        mine |= Q(cycle_unit__unit__parent_id=user.unit_id)
    paths = assessor_paths(user, cycle)
    for path in paths:
        mine |= Q(node_path=path) | Q(node_path__startswith=path + engine.PATH_SEPARATOR)
    return appeals.filter(mine)
