"""In-app and e-mail notices through the progress app's notify(), when it is installed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from kaohe.accounts.models import User
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.results.access import LEADER_ROLES


def notify(users: Iterable[Any], text: str, url: str) -> None:
    try:
        from kaohe.progress.notify import notify as send
    except ImportError:  # notices need the progress app; results work without it
        return
    send(list(users), text, url)


def unit_users(cycle_unit: CycleUnit) -> Any:
    """Everyone who reads the unit's results: its own users and the leaders above it."""
    above = Q(unit_id=cycle_unit.unit.parent_id, role_grants__role__in=LEADER_ROLES)
    return User.objects.filter(Q(unit_id=cycle_unit.unit_id) | above, is_active=True).distinct()


def cycle_users(cycle: Cycle) -> Any:
    unit_ids = cycle.cycle_units.values("unit_id")
    return User.objects.filter(unit_id__in=unit_ids, is_active=True)
