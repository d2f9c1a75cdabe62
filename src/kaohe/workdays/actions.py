"""Changes to the holiday table: only the 系统管理员, each day audited."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kaohe.accounts.models import User
from kaohe.accounts.roles import Role
from kaohe.audit.log import Action, log_change
from kaohe.workdays.models import Holiday

MAX_RANGE_DAYS = 31


def ensure_admin(actor: User) -> None:
    if not actor.has_role(Role.SYSTEM_ADMIN):
        raise PermissionDenied("只有系统管理员可以维护节假日表")


@transaction.atomic
def declare_days(
    actor: User, first: date, last: date, name: str, is_working_day: bool
) -> list[Holiday]:
    """Declares every day from first to last a holiday (or a make-up working day)."""
    ensure_admin(actor)
    if last < first:
        raise ValidationError("结束日期早于开始日期")
    if (last - first).days >= MAX_RANGE_DAYS:
        raise ValidationError(f"一次最多录入 {MAX_RANGE_DAYS} 天")
    declared = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        existing = Holiday.objects.filter(date=day).first()
        old = str(existing) if existing else None
        holiday, _ = Holiday.objects.update_or_create(
            date=day, defaults={"name": name, "is_working_day": is_working_day}
        )
        log_change(actor, Action.HOLIDAY_SET, holiday, old=old, new=str(holiday))
        declared.append(holiday)
    return declared


@transaction.atomic
def remove_day(actor: User, holiday_id: int) -> None:
    ensure_admin(actor)
    holiday = Holiday.objects.select_for_update().get(pk=holiday_id)
    log_change(actor, Action.HOLIDAY_REMOVED, holiday, old=str(holiday))
    holiday.delete()
