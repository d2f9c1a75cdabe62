"""Who may do what: small predicates over the user, checked on the server for every view."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from kaohe.accounts.predicates import holds
from kaohe.accounts.roles import Role

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
