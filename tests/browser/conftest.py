"""Helpers for the browser tests; the Chromium fixtures live in tests/conftest.py so that every
test in a worker shares one browser (Playwright's sync API allows one per thread)."""

from __future__ import annotations

from typing import Any

from tests.conftest import CHROMIUM, CHROMIUM_ARGS

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "log_in"]


def log_in(page: Any, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("networkidle")
