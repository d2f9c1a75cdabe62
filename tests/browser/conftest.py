"""Helpers for the browser tests; the Chromium fixtures live in tests/conftest.py so that every
test in a worker shares one browser (Playwright's sync API allows one per thread)."""

from __future__ import annotations

from typing import Any

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, current_code, enrolled_authenticator

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "log_in"]


def log_in(page: Any, base_url: str, username: str, password: str) -> None:
    """Logs in on the page; a user who must pass the second factor types its authenticator's
    current code (the authenticator enrolled beforehand, as its holder would have)."""
    from kaohe.accounts.models import User
    from kaohe.accounts.second_factor import second_factor_required

    user = User.objects.filter(username=username).first()
    device = enrolled_authenticator(user) if user and second_factor_required(user) else None
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("networkidle")
    if device is not None and "/accounts/second-factor/" in page.url:
        page.get_by_label("验证码").fill(current_code(device))
        page.get_by_role("button", name="验证").click()
        page.wait_for_load_state("networkidle")
