"""Every change to units, users and roles goes through one function here: check, write, audit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from axes.utils import reset
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied
from django.db import transaction

from kaohe.accounts.models import RoleGrant, Unit, UnitCategory, User
from kaohe.accounts.passwords import one_time_password
from kaohe.accounts.permissions import may_grant_roles_to, may_manage_account
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


def require_actor(allowed: bool, refusal: str) -> None:
    """Refuse (403) unless ``allowed``; a change with no actor is the system's own (a fixture,
    the demo loader) and is held only to the model's rules."""
    if not allowed:
        raise PermissionDenied(refusal)


def check_role_grantor(actor: User | None, user: User) -> None:
    if actor is not None:
        require_actor(
            may_grant_roles_to(actor, user),
            "只有安全管理员可以授予或撤销角色，且不能修改自己的角色",
        )


@transaction.atomic
def grant_role(actor: User | None, user: User, role: str) -> None:
    """Grants ``role`` (the 安全管理员 only); RoleGrant.save refuses a 三员分立 breach."""
    check_role_grantor(actor, user)
    held = user.roles
    if role in held:
        return
    RoleGrant.objects.create(user=user, role=role)
    log_change(actor, Action.ROLE_GRANTED, user, old=sorted(held), new=sorted(held | {role}))


@transaction.atomic
def revoke_role(actor: User | None, user: User, role: str) -> None:
    check_role_grantor(actor, user)
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
def open_account(
    actor: User, *, username: str, full_name: str, unit: Unit, email: str = ""
) -> tuple[User, str]:
    """The 系统管理员's new account: no role (the 安全管理员 grants them) and a one-time password,
    returned to be shown once, that its holder must change at first login."""
    password = one_time_password(User(username=username, full_name=full_name))
    user = create_user(
        actor, username=username, password=password, full_name=full_name, unit=unit, email=email
    )
    user.must_change_password = True
    user.save(update_fields=["must_change_password"])
    return user, password


def check_account_manager(actor: User | None, user: User) -> None:
    if actor is not None:
        require_actor(
            may_manage_account(actor, user),
            "只有系统管理员可以管理账户，且不能管理自己或其他管理员角色的账户",
        )


@transaction.atomic
def reset_password(actor: User, user: User) -> str:
    """A new one-time password for ``user``, returned to be shown once and changed at login."""
    check_account_manager(actor, user)
    password = one_time_password(user)
    user.set_password(password)
    user.must_change_password = True
    user.save(update_fields=["password", "password_changed_at", "must_change_password"])
    log_change(actor, Action.PASSWORD_RESET, user)
    return password


@transaction.atomic
def set_user_active(actor: User | None, user: User, active: bool) -> None:
    check_account_manager(actor, user)
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
