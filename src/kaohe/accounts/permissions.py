"""Who may do what: small predicates over the user, checked on the server for every view."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from kaohe.accounts.predicates import holds, predicate
from kaohe.accounts.roles import ADMINISTRATOR_ROLES, Role

View = Callable[..., HttpResponse]


def has_any_role(user: Any, roles: tuple[str, ...]) -> bool:
    return holds(*roles)(user)


def role_required(*roles: str) -> Callable[[View], View]:
    """Login first; then the user must hold one of `roles`, else 403."""

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not has_any_role(request.user, roles):
                raise PermissionDenied("您没有执行此操作的权限")
            return view(request, *args, **kwargs)

        return login_required(guarded)

    return decorate


can_manage_organisation = (Role.SYSTEM_ADMIN,)
can_view_organisation = (Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.OFFICE)
can_manage_roles = (Role.SECURITY_ADMIN,)
can_read_audit = (Role.AUDIT_ADMIN,)

# Accounts under 三员分立: the 系统管理员 keeps units and accounts, the 安全管理员 alone grants
# roles (never to itself), and no administrator acts on the holder of another administrator role.
is_system_admin = holds(Role.SYSTEM_ADMIN)
is_security_admin = holds(Role.SECURITY_ADMIN)


@predicate
def is_self(user: Any, person: Any) -> bool:
    return bool(user.pk == person.pk)


@predicate
def holds_another_administration(user: Any, person: Any) -> bool:
    """The person holds an administrator role the user does not hold."""
    return bool((person.roles & ADMINISTRATOR_ROLES) - user.roles)


may_grant_roles_to = is_security_admin & ~is_self
may_reset_second_factor = is_security_admin & ~is_self
# Disable, enable, or give a new one-time password.
may_manage_account = is_system_admin & ~is_self & ~holds_another_administration
