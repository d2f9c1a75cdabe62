from __future__ import annotations

from django.db import models

from kaohe.accounts.models import Unit
from kaohe.models import acting_user
from kaohe.schemes.models import SchemeVersion


class Cycle(models.Model):
    """考核周期: one published scheme version run over one period for a set of units."""

    class Period(models.TextChoices):
        YEAR = "year", "年度"
        HALF = "half", "半年"
        QUARTER = "quarter", "季度"
        MONTH = "month", "月度"

    class Status(models.TextChoices):
        OPEN = "open", "进行中"
        LOCKED = "locked", "已锁定"
        PUBLISHING = "publishing", "发布中"  # the snapshot is being made in the background
        PUBLISHED = "published", "公示中"
        FINALISED = "finalised", "已归档"

    name = models.CharField("周期名称", max_length=200)
    scheme_version = models.ForeignKey(
        SchemeVersion, verbose_name="方案版本", on_delete=models.PROTECT, related_name="cycles"
    )
    period = models.CharField("周期类型", max_length=10, choices=Period.choices)
    starts_on = models.DateField("开始日期")
    ends_on = models.DateField("结束日期")
    submission_deadline = models.DateField("材料报送截止日期", null=True, blank=True)
    appeal_working_days = models.PositiveSmallIntegerField("申诉期限（工作日）", default=3)
    decision_working_days = models.PositiveSmallIntegerField("申诉答复期限（工作日）", default=3)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    created_by = acting_user("创建人")

    class Meta:
        verbose_name = "考核周期"
        verbose_name_plural = "考核周期"
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def months(self) -> list[str]:
        """The cycle's months as YYYY-MM, which frequency rules count against."""
        months = []
        year, month = self.starts_on.year, self.starts_on.month
        while (year, month) <= (self.ends_on.year, self.ends_on.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months


class CycleUnit(models.Model):
    """An assessed unit in a cycle, under the name the scheme's results use."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="cycle_units")
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="+")
    label = models.CharField("考核名称", max_length=200)
    categories = models.JSONField("单位类别", default=list, blank=True)
    not_participating = models.JSONField("不参加的指标", default=list, blank=True)

    class Meta:
        verbose_name = "被考核单位"
        verbose_name_plural = "被考核单位"
        ordering = ["cycle", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "unit"], name="cycle_unit_once"),
            models.UniqueConstraint(fields=["cycle", "label"], name="cycle_unit_label_unique"),
        ]

    def __str__(self) -> str:
        return self.label


class Assignment(models.Model):
    """任务分工 for one indicator: who assesses it and who is responsible for it."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="assignments")
    node_path = models.CharField("指标路径", max_length=500)
    node_code = models.CharField("指标编号", max_length=50)
    node_name = models.CharField("指标名称", max_length=200)
    assessor = models.ForeignKey(
        Unit,
        verbose_name="考评单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assessed_assignments",
    )
    responsible_units = models.ManyToManyField(
        Unit, verbose_name="责任单位", blank=True, related_name="responsible_assignments"
    )
    leaders = models.CharField("分管领导", max_length=200, blank=True)
    persons = models.CharField("责任人", max_length=200, blank=True)
    deadline = models.DateField("完成期限", null=True, blank=True)

    class Meta:
        verbose_name = "任务分工"
        verbose_name_plural = "任务分工"
        ordering = ["cycle", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "node_path"], name="assignment_per_node"),
        ]

    def __str__(self) -> str:
        return f"{self.node_code} {self.node_name}"
