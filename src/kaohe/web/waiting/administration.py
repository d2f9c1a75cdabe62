"""The three administrators' home panels (三员分立): each sees only its own kind of work —
accounts and the holiday table, roles and lockouts, the audit log — never business data."""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from kaohe.accounts.models import Unit, User
from kaohe.audit.models import Action, AuditEntry
from kaohe.web.waiting.panels import Count, Link, Panel
from kaohe.workdays.calendar import covered


def system_admin_panel(user: Any) -> Panel:
    units = Unit.objects.filter(is_active=True).count()
    panel = Panel(
        "系统管理",
        f"组织机构共 {units} 个单位，没有待处理的账户。可下载模板批量导入单位和用户。"
        if units
        else "还没有录入组织机构。先下载模板，批量导入单位和用户。",
        links=[
            Link("单位树", reverse("accounts:units")),
            Link("导入单位和用户", reverse("accounts:import")),
        ],
        testid="system_admin",
    )
    users = reverse("accounts:users")
    panel.add(Count("未分配单位的账户", active_users().filter(unit=None).count(), users, unit="个"))
    next_year = timezone.localdate().year + 1
    if not covered(next_year):
        panel.add(
            Count(
                f"{next_year} 年法定节假日未录入",
                1,
                reverse("workdays:holidays"),
                unit="年",
                note="录入前，跨年的截止日期只按周末计算",
            )
        )
    return panel


def security_admin_panel(user: Any) -> Panel:
    panel = Panel(
        "安全管理",
        "没有被锁定或未授权的账户。可在「用户与角色」中授予或撤销角色；三员角色不能集于一人。",
        links=[Link("账户列表", reverse("accounts:users"))],
        testid="security_admin",
    )
    users = reverse("accounts:users")
    panel.add(
        Count("登录失败次数过多、已被锁定的账户", locked_accounts(), users, unit="个", urgent=True)
    )
    without_role = active_users().filter(role_grants=None).count()
    panel.add(Count("尚未授予角色的账户", without_role, users, unit="个"))
    return panel


def audit_admin_panel(user: Any) -> Panel:
    panel = Panel(
        "安全审计",
        "今天没有登录失败的记录。可在审计日志中查阅所有操作：谁、何时、做了什么、从哪里来。",
        links=[Link("操作日志", reverse("audit:entries"))],
        testid="audit_admin",
    )
    since = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    failed = AuditEntry.objects.filter(action=Action.LOGIN_FAILED, at__gte=since).count()
    url = reverse("audit:entries") + f"?action={Action.LOGIN_FAILED.value}"
    panel.add(Count("今天的登录失败", failed, url, unit="次", urgent=failed >= 10))
    return panel


def active_users() -> Any:
    return User.objects.filter(is_active=True)


def locked_accounts() -> int:
    """Accounts whose failures reached the limit within the cool-off time (django-axes)."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    found = AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
    )
    return found.values("username").distinct().count()
