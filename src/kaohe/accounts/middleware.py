from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from kaohe.accounts.passwords import password_expired

ALLOWED_WHILE_EXPIRED = ("password_change", "logout")


class PasswordExpiryMiddleware:
    """Sends a user whose password is older than the policy allows to the change-password page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and password_expired(user):
            allowed = {reverse(name) for name in ALLOWED_WHILE_EXPIRED}
            if request.path not in allowed and not request.path.startswith("/static/"):
                return redirect(f"{reverse('password_change')}?expired=1")
        return self.get_response(request)
