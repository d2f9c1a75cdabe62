"""Units and users created in bulk: the twin of actions.create_unit and actions.create_user for
an import, writing the same rows and the same audit entries in a handful of statements.

The plan is checked and its passwords hashed before ``create_in_bulk`` opens its transaction,
which then holds the write lock for a few bulk inserts, not for a hash per user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction

from kaohe.accounts.actions import unit_snapshot
from kaohe.accounts.models import Unit, UnitCategory, User
from kaohe.audit.log import Action, log_prepared, prepared_entries
from kaohe.audit.models import AuditEntry


@dataclass
class PlannedUnit:
    unit: Unit  # unsaved; its parent is a saved unit or one planned in an earlier row
    categories: list[str]


@dataclass
class PlannedUser:
    user: User  # unsaved, without a password yet and without roles (the 安全管理员 grants them)
    password: str


@dataclass
class OrganisationPlan:
    units: list[PlannedUnit] = field(default_factory=list)
    users: list[PlannedUser] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class TakenMeanwhile(Exception):
    """A unit or user name the plan holds was taken by someone else since it was checked."""


def create_in_bulk(actor: User, plan: OrganisationPlan, hashes: list[str]) -> int:
    """Creates the plan's units and users (with their one-time passwords' hashes), all or
    none, auditing each as created; the count of rows created is returned. Everything but the
    inserts is prepared before the transaction opens."""
    for item, hashed in zip(plan.users, hashes, strict=True):
        item.user.password = hashed
        item.user.must_change_password = True
    audit = audit_entries(actor, plan)
    try:
        with transaction.atomic():
            create_units(plan.units)
            User.objects.bulk_create([item.user for item in plan.users])
            log_prepared(audit)
    except IntegrityError as clash:
        raise TakenMeanwhile(str(clash)) from clash
    return len(plan.units) + len(plan.users)


def audit_entries(actor: User, plan: OrganisationPlan) -> list[tuple[AuditEntry, Any]]:
    """What create_unit and create_user would each have logged, in that order."""
    units = ((item.unit, None, unit_snapshot(item.unit, item.categories)) for item in plan.units)
    users = ((item.user, None, user_snapshot(item.user)) for item in plan.users)
    return [
        *prepared_entries(actor, Action.UNIT_CREATED, units),
        *prepared_entries(actor, Action.USER_CREATED, users),
    ]


def create_units(planned: list[PlannedUnit]) -> None:
    for generation in generations(planned):
        Unit.objects.bulk_create([item.unit for item in generation])
    categories = categories_named({name for item in planned for name in item.categories})
    Unit.categories.through.objects.bulk_create(
        Unit.categories.through(unit_id=item.unit.pk, unitcategory_id=categories[name].pk)
        for item in planned
        for name in dict.fromkeys(item.categories)
    )


def generations(planned: list[PlannedUnit]) -> list[list[PlannedUnit]]:
    """The units in waves a parent always precedes: first those under saved units (or none),
    then their children, and so on. A parent is always planned in an earlier row."""
    depth: dict[int, int] = {}
    waves: list[list[PlannedUnit]] = []
    for item in planned:
        parent = item.unit.parent
        level = 0 if parent is None or parent.pk else depth[id(parent)] + 1
        depth[id(item.unit)] = level
        if level == len(waves):
            waves.append([])
        waves[level].append(item)
    return waves


def categories_named(names: set[str]) -> dict[str, UnitCategory]:
    found = {category.name: category for category in UnitCategory.objects.filter(name__in=names)}
    missing = [UnitCategory(name=name) for name in sorted(names - set(found))]
    for category in UnitCategory.objects.bulk_create(missing):
        found[category.name] = category
    return found


def user_snapshot(user: User) -> dict[str, str]:
    unit = user.unit.name if user.unit else ""
    return {"用户名": user.username, "姓名": user.full_name, "所属单位": unit}
