"""Every page renders for the roles that may see it, loads nothing from outside, and sends a CSP."""

import re

import pytest
from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.web.menu import MENU

OUTSIDE = re.compile(r"""(?:src|href|action)\s*=\s*["']\s*(?:https?:)?//""", re.IGNORECASE)


def pages_for(role):
    return [entry.url_name for entry in MENU if role in entry.roles]


@pytest.mark.parametrize("role", list(Role))
def test_every_menu_page_of_every_role_renders_in_chinese_and_loads_nothing_from_outside(
    login, role
):
    client = login(role)
    for url_name in pages_for(role):
        response = client.get(reverse(url_name))
        page = response.content.decode()
        assert response.status_code == 200, url_name
        assert '<html lang="zh-CN">' in page
        assert not OUTSIDE.search(page), f"{url_name} loads from outside: {OUTSIDE.search(page)}"
        assert "'self'" in response["Content-Security-Policy"]


def test_the_login_page_loads_nothing_from_outside(client, db):
    response = client.get(reverse("login"))
    assert not OUTSIDE.search(response.content.decode())
    assert "登录" in response.content.decode()


def test_the_policy_allows_only_our_own_origin(client, db):
    policy = client.get(reverse("login"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    for sources in directives.values():
        assert "http" not in sources and "*" not in sources and "unsafe" not in sources


def test_the_vendored_assets_are_served_by_the_app(client, db):
    for asset in (
        "vendor/bootstrap/bootstrap.min.css",
        "vendor/htmx/htmx.min.js",
        "vendor/echarts/echarts.min.js",
        "vendor/bootstrap/bootstrap.bundle.min.js",
    ):
        response = client.get(f"/static/{asset}")
        assert response.status_code == 200, asset


@pytest.mark.parametrize("role", list(Role))
def test_the_top_bar_shows_the_user_their_unit_and_roles(login, org, role):
    page = login(role).get(reverse("home")).content.decode()
    user = org.users[role]
    assert user.full_name in page
    assert user.unit.name in page
    assert role.label in page


def test_each_role_sees_its_own_menu(login):
    office_menu = login(Role.OFFICE).get(reverse("home")).content.decode()
    audit_menu = login(Role.AUDIT_ADMIN).get(reverse("home")).content.decode()
    assert "审计日志" in audit_menu and "审计日志" not in office_menu
    assert "组织机构" in office_menu and "组织机构" not in audit_menu


def test_the_home_page_says_what_comes_next_for_each_role(login):
    page = login(Role.REPORTER).get(reverse("home")).content.decode()
    assert "暂无待报送的任务" in page


def test_every_page_requires_login(client, db):
    for url_name in {entry.url_name for entry in MENU}:
        response = client.get(reverse(url_name))
        assert response.status_code == 302, url_name
        assert response["Location"].startswith(reverse("login"))
