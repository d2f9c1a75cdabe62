"""Django's ModelBackend, loading the signed-in user together with its roles."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from kaohe.accounts.models import User


class AccountBackend(ModelBackend):
    """Every request asks the user's roles many times (the menu, the access predicates, the
    second-factor rule): read once with the user, they answer from memory for the request."""

    def get_user(self, user_id: Any) -> User | None:
        user = User._default_manager.prefetch_related("role_grants").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
