from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

from kaohe.accounts.roles import Role, check_role_separation


class UnitCategory(models.Model):
    """A category that schemes refer to (行政机关, 参公事业单位, 窗口单位 …)."""

    name = models.CharField("类别名称", max_length=50, unique=True)
    description = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "单位类别"
        verbose_name_plural = "单位类别"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    """A body in the organisation tree: city → department → section, of any depth."""

    class Kind(models.TextChoices):
        REGION = "region", "地区"
        AGENCY = "agency", "机关部门"
        INSTITUTION = "institution", "事业单位"
        SECTION = "section", "科室"
        OFFICE = "office", "考核办"

    name = models.CharField("单位名称", max_length=100)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    kind = models.CharField("单位性质", max_length=20, choices=Kind.choices, default=Kind.AGENCY)
    code = models.CharField("单位编码", max_length=50, blank=True)
    categories = models.ManyToManyField(UnitCategory, verbose_name="单位类别", blank=True)
    sort_order = models.PositiveIntegerField("排序", default=0)
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "单位"
        verbose_name_plural = "单位"
        ordering = ["sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"], name="unit_name_unique_under_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    full_name = models.CharField("姓名", max_length=50, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name="所属单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    password_changed_at = models.DateTimeField("密码修改时间", default=timezone.now)
    # Set by an administrator (a bulk import): usable once, to choose one's own at first login.
    must_change_password = models.BooleanField("首次登录须修改密码", default=False)

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def roles(self) -> set[str]:
        """The user's role codes; read from the prefetch cache when there is one."""
        return {grant.role for grant in self.role_grants.all()}

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))

    def set_password(self, raw_password: str | None) -> None:
        super().set_password(raw_password)
        self.password_changed_at = timezone.now()
        self.must_change_password = False


class RoleGrant(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField("角色", max_length=30, choices=Role.choices)

    class Meta:
        verbose_name = "角色授权"
        verbose_name_plural = "角色授权"
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="role_granted_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Every path that grants a role (pages, actions, a shell) is held to 三员分立 here."""
        held = set(RoleGrant.objects.filter(user_id=self.user_id).values_list("role", flat=True))
        check_role_separation(held, self.role)
        super().save(*args, **kwargs)


class PasswordHistory(models.Model):
    """The hash of a password a user has had: the last few are refused when choosing a new one
    (passwords.RecentPasswordValidator). Only hashes, never a password."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="password_history")
    password = models.CharField("密码哈希", max_length=128)
    set_at = models.DateTimeField("设置时间", auto_now_add=True)

    class Meta:
        verbose_name = "历史密码"
        verbose_name_plural = "历史密码"

    def __str__(self) -> str:
        return f"{self.user} · {self.set_at:%Y-%m-%d}"
