"""The left menu: each entry names the roles that see it. Pages check permissions themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from kaohe.accounts.permissions import (
    can_manage_organisation,
    can_manage_roles,
    can_read_audit,
    can_view_organisation,
)
from kaohe.accounts.roles import CYCLE_ROLES, LEADER_ROLES, Role
from kaohe.schemes.views import can_read_schemes

EVERYONE: tuple[str, ...] = tuple(Role.values)


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str
    icon: str
    roles: tuple[str, ...]


MENU: tuple[MenuEntry, ...] = (
    MenuEntry("工作台", "home", "house", EVERYONE),
    MenuEntry("考核周期", "cycles:list", "calendar3", CYCLE_ROLES),
    MenuEntry("考核方案", "schemes:list", "journal-check", can_read_schemes),
    MenuEntry("我的任务", "progress:tasks", "list-check", CYCLE_ROLES),
    MenuEntry("进度看板", "progress:boards", "kanban", (Role.OFFICE,)),
    MenuEntry("考核结果", "results:cycles", "bar-chart-line", CYCLE_ROLES),
    MenuEntry("测评与评议", "evaluations:index", "ui-checks", (Role.OFFICE,)),
    MenuEntry("领导看板", "results:dashboard", "speedometer2", LEADER_ROLES),
    MenuEntry("组织机构", "accounts:units", "diagram-3", can_view_organisation),
    MenuEntry("用户与角色", "accounts:users", "people", can_manage_organisation + can_manage_roles),
    MenuEntry("批量导入", "accounts:import", "file-earmark-spreadsheet", can_manage_organisation),
    MenuEntry("节假日表", "workdays:holidays", "calendar-event", (Role.SYSTEM_ADMIN,)),
    MenuEntry("审计日志", "audit:entries", "journal-text", can_read_audit),
    MenuEntry("站内消息", "progress:notifications", "bell", EVERYONE),
    MenuEntry("修改密码", "password_change", "key", EVERYONE),
)


def menu_for(user: Any) -> list[dict[str, str]]:
    if not user.is_authenticated:
        return []
    held = user.roles
    return [
        {"label": entry.label, "url": reverse(entry.url_name), "icon": entry.icon}
        for entry in MENU
        if held & set(entry.roles) or (entry.roles is EVERYONE)
    ]


def menu_context(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": [], "role_labels": []}
    return {
        "menu": menu_for(user),
        "role_labels": [Role(role).label for role in sorted(user.roles) if role in Role.values],
    }
