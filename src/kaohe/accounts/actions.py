"""Every change to units, users and roles goes through one function here: check, write, audit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from axes.utils import reset
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from kaohe.accounts.models import RoleGrant, Unit, UnitCategory, User
from kaohe.accounts.roles import Role, separation_conflict
from kaohe.audit.log import Action, log_change


def unit_snapshot(unit: Unit, categories: Iterable[str] | None = None) -> dict[str, Any]:
    """The unit as its audit entry shows it (``categories``: their names, when known)."""
    if categories is None:
        categories = [category.name for category in unit.categories.all()]
    return {
        "名称": unit.name,
        "上级单位": unit.parent.name if unit.parent else "",
        "性质": unit.get_kind_display(),
        "编码": unit.code,
        "类别": sorted(set(categories)),
    }


@transaction.atomic
def create_unit(
    actor: User | None,
    *,
    name: str,
    parent: Unit | None = None,
    kind: str = Unit.Kind.AGENCY,
    code: str = "",
    categories: Iterable[str] = (),
) -> Unit:
    unit = Unit.objects.create(name=name, parent=parent, kind=kind, code=code)
    for category_name in categories:
        category, _ = UnitCategory.objects.get_or_create(name=category_name)
        unit.categories.add(category)
    log_change(actor, Action.UNIT_CREATED, unit, new=unit_snapshot(unit))
    return unit


def check_role_separation(held: set[str], wanted: str) -> None:
    conflict = separation_conflict(held, wanted)
    if conflict:
        raise ValidationError(
            f"三员分立：该账户已是{Role(conflict).label}，不能再授予{Role(wanted).label}。"
        )


@transaction.atomic
def grant_role(actor: User | None, user: User, role: str) -> None:
    held = user.roles
    if role in held:
        return
    check_role_separation(held, role)
    RoleGrant.objects.create(user=user, role=role)
    log_change(actor, Action.ROLE_GRANTED, user, old=sorted(held), new=sorted(held | {role}))


@transaction.atomic
def revoke_role(actor: User | None, user: User, role: str) -> None:
    held = user.roles
    if role not in held:
        return
    RoleGrant.objects.filter(user=user, role=role).delete()
    log_change(actor, Action.ROLE_REVOKED, user, old=sorted(held), new=sorted(held - {role}))


@transaction.atomic
def create_user(
    actor: User | None,
    *,
    username: str,
    password: str,
    full_name: str = "",
    unit: Unit | None = None,
    roles: Iterable[str] = (),
    email: str = "",
) -> User:
    user = User(username=username, full_name=full_name, unit=unit, email=email)
    validate_password(password, user)
    user.set_password(password)
    user.save()
    log_change(
        actor,
        Action.USER_CREATED,
        user,
        new={"用户名": username, "姓名": full_name, "所属单位": unit.name if unit else ""},
    )
    for role in roles:
        grant_role(actor, user, role)
    return user


@transaction.atomic
def set_user_active(actor: User | None, user: User, active: bool) -> None:
    if user.is_active == active:
        return
    user.is_active = active
    user.save(update_fields=["is_active"])
    log_change(
        actor,
        Action.ACCOUNT_ENABLED if active else Action.ACCOUNT_DISABLED,
        user,
        old=not active,
        new=active,
    )


@transaction.atomic
def unlock_account(actor: User | None, user: User) -> None:
    reset(username=user.username)
    log_change(actor, Action.ACCOUNT_UNLOCKED, user)


@transaction.atomic
def change_own_password(user: User) -> None:
    """Called after Django's password change form has saved the new password."""
    log_change(user, Action.PASSWORD_CHANGED, user)
