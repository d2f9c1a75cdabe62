from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from kaohe.accounts.passwords import password_expired
from kaohe.accounts.second_factor import second_factor_required

SECOND_FACTOR_PAGES = ("accounts:second_factor", "accounts:enrol_second_factor")
# The second factor comes first: the password page opens only after it.
ALLOWED_WHILE_EXPIRED = ("password_change", "logout", *SECOND_FACTOR_PAGES)
ALLOWED_BEFORE_SECOND_FACTOR = ("logout", *SECOND_FACTOR_PAGES)


def signed_in(request: HttpRequest) -> bool:
    """Whether someone is signed in. A request with no session cookie has no session, so
    nobody is, and neither the session nor the user is read: the phones' ballots and /healthz
    pass these middlewares at the cost of one look-up."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return bool(request.user.is_authenticated)


def signed_in_after_view(request: HttpRequest) -> bool:
    """Also whoever the view has just signed in (logging in starts the session)."""
    session = getattr(request, "session", None)
    started = session is not None and session.session_key is not None
    return (started or signed_in(request)) and bool(request.user.is_authenticated)


def allowed_path(request: HttpRequest, names: tuple[str, ...]) -> bool:
    return request.path.startswith("/static/") or request.path in {reverse(n) for n in names}


class SecondFactorMiddleware:
    """Sends a user who must pass the second factor (second_factor.second_factor_required) and
    has not, in this session, to the code page (or to enrolment): no other page opens before."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            signed_in(request)
            and not request.user.is_verified()  # type: ignore[union-attr]
            and not allowed_path(request, ALLOWED_BEFORE_SECOND_FACTOR)
            and second_factor_required(request.user)
        ):
            return redirect_to_login(
                request.get_full_path(), reverse("accounts:second_factor"), "next"
            )
        return self.get_response(request)


class PasswordExpiryMiddleware:
    """Sends a user whose password is older than the policy allows to the change-password page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        expired = signed_in(request) and password_expired(request.user)
        if expired and not allowed_path(request, ALLOWED_WHILE_EXPIRED):
            return redirect(f"{reverse('password_change')}?expired=1")
        return self.get_response(request)


LOGGED_IN_AT_KEY = "_logged_in_at"


def stamp_login_time(session: Any) -> None:
    """Called at login (signals.py): the absolute session lifetime counts from here."""
    session[LOGGED_IN_AT_KEY] = int(time.time())


class AbsoluteSessionMiddleware:
    """Ends a session SESSION_ABSOLUTE_HOURS after its login, however busy it is kept (the idle
    logout alone never ends a session that keeps working)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if signed_in(request):
            logged_in_at = request.session.setdefault(LOGGED_IN_AT_KEY, int(time.time()))
            if time.time() - logged_in_at > settings.SESSION_ABSOLUTE_HOURS * 3600:
                logout(request)
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class NoStoreMiddleware:
    """Nothing shown to a signed-in user (results, exports, evidence, the audit log, users) is
    kept by the browser or a proxy cache: ``Cache-Control: no-store`` on every such response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        signed_in_before = signed_in(request)
        response = self.get_response(request)
        if signed_in_before or signed_in_after_view(request):
            add_never_cache_headers(response)
        return response


IDLE_CLOCK_KEY = "_idle_clock_restarted"
IDLE_CLOCK_STEP_SECONDS = 60


class IdleClockMiddleware:
    """Restarts the idle-logout clock (SESSION_COOKIE_AGE) as the user works, writing the session
    row at most once a minute: a request that only reads then needs no write, which on SQLite
    would wait for the one write lock. The row's expiry stays the server-side authority, so a
    session still ends at most SESSION_COOKIE_AGE after the last request, and logging out
    deletes the row at once."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if signed_in(request):
            now = int(time.time())
            if now - request.session.get(IDLE_CLOCK_KEY, 0) >= IDLE_CLOCK_STEP_SECONDS:
                request.session[IDLE_CLOCK_KEY] = now  # the session middleware then saves it
        return self.get_response(request)
