from __future__ import annotations

from django.conf import settings
from django.db import models

from kaohe.accounts.roles import Role
from kaohe.cycles.models import Assignment, Cycle, CycleUnit
from kaohe.engine.periods import period_label
from kaohe.models import EvidenceFile


class Schedule(models.Model):
    """How often a cycle's units report progress, and how many working days they have after each
    period ends (月初1-3号报送 is month, 3)."""

    class Frequency(models.TextChoices):
        MONTH = "month", "每月"
        QUARTER = "quarter", "每季度"
        YEAR = "year", "每年"

    cycle = models.OneToOneField(Cycle, on_delete=models.CASCADE, related_name="progress_schedule")
    frequency = models.CharField(
        "报送频次", max_length=10, choices=Frequency.choices, default=Frequency.MONTH
    )
    working_days = models.PositiveSmallIntegerField("期末后报送期限（工作日）", default=3)

    class Meta:
        verbose_name = "报送安排"
        verbose_name_plural = "报送安排"

    def __str__(self) -> str:
        return f"{self.cycle} · {self.get_frequency_display()}"


class Submission(models.Model):
    """One unit's progress report on one task (任务分工) for one period (2024-03, 2024-Q1, 2024)."""

    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        DEPUTY = "deputy", "待分管领导审核"
        PRINCIPAL = "principal", "待主要领导审核"
        OFFICE = "office", "待考核办验收"
        ACCEPTED = "accepted", "已验收"
        RETURNED = "returned", "已退回"

    # The sign-off chain 填报人 → 分管领导 → 主要领导 → 考核办: the role that signs at each step.
    SIGNER_ROLES = {
        Status.DEPUTY: Role.DEPUTY_LEADER,
        Status.PRINCIPAL: Role.PRINCIPAL_LEADER,
        Status.OFFICE: Role.OFFICE,
    }

    cycle_unit = models.ForeignKey(
        CycleUnit, verbose_name="被考核单位", on_delete=models.CASCADE, related_name="submissions"
    )
    assignment = models.ForeignKey(
        Assignment, verbose_name="任务", on_delete=models.CASCADE, related_name="submissions"
    )
    period = models.CharField("期间", max_length=10)
    content = models.TextField("进展情况", blank=True)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DRAFT)
    first_submitted_at = models.DateTimeField("首次报送时间", null=True, blank=True)
    submitted_at = models.DateTimeField("报送时间", null=True, blank=True)
    return_reason = models.CharField("退回理由", max_length=500, blank=True)
    times_returned = models.PositiveSmallIntegerField("退回次数", default=0)
    version = models.PositiveIntegerField("版本", default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="填报人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "进度报送"
        verbose_name_plural = "进度报送"
        ordering = ["period", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle_unit", "assignment", "period"], name="submission_once_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cycle_unit} · {self.assignment.node_name} · {self.period_label}"

    @property
    def period_label(self) -> str:
        """The period as people write it: 2024-03 → 2024年3月, 2024-Q1 → 2024年第1季度."""
        return period_label(self.period)

    @property
    def cycle(self) -> Cycle:
        return self.cycle_unit.cycle

    @property
    def editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.RETURNED}

    @property
    def in_sign_off(self) -> bool:
        return self.status in self.SIGNER_ROLES

    @property
    def signer_role(self) -> str | None:
        """The role that signs the report at its current step; None outside the chain."""
        return self.SIGNER_ROLES.get(self.status)


class Evidence(EvidenceFile):
    """证明材料 attached to a progress report by its unit's 填报人."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="evidence")

    class Meta:
        verbose_name = "证明材料"
        verbose_name_plural = "证明材料"
        ordering = ["uploaded_at", "id"]


class SignOff(models.Model):
    """One step of the sign-off chain: who approved or sent back, when, and why."""

    class Decision(models.TextChoices):
        SUBMIT = "submit", "报送"
        APPROVE = "approve", "审核通过"
        ACCEPT = "accept", "验收"
        RETURN = "return", "退回"

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="sign_offs")
    step = models.CharField("环节", max_length=20, choices=Submission.Status.choices)
    decision = models.CharField("意见", max_length=10, choices=Decision.choices)
    reason = models.CharField("理由", max_length=500, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "签批记录"
        verbose_name_plural = "签批记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_step_display()} · {self.get_decision_display()}"
