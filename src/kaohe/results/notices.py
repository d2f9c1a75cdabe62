"""Who hears about results and appeals; the notices go out through kaohe.progress.notify."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from kaohe.accounts.models import User
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.progress.notify import notify as send
from kaohe.results.access import LEADER_ROLES


def notify(users: Iterable[Any], text: str, url: str) -> None:
    send(users, text, url)


def unit_users(cycle_unit: CycleUnit) -> QuerySet[User]:
    """Everyone who reads the unit's results: its own users and the leaders above it."""
    above = Q(unit_id=cycle_unit.unit.parent_id, role_grants__role__in=LEADER_ROLES)
    return User.objects.filter(Q(unit_id=cycle_unit.unit_id) | above, is_active=True).distinct()


def cycle_users(cycle: Cycle) -> QuerySet[User]:
    """The assessed units' users and the leaders above them."""
    units = cycle.cycle_units.values("unit_id")
    parents = cycle.cycle_units.values("unit__parent_id")
    above = Q(unit_id__in=parents, role_grants__role__in=LEADER_ROLES)
    return User.objects.filter(Q(unit_id__in=units) | above, is_active=True).distinct()
