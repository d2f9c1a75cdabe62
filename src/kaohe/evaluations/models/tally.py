from __future__ import annotations

from django.db import models

from kaohe.cycles.models import CycleUnit, Record
from kaohe.evaluations.models.evaluation import Evaluation, EvaluatorGroup
from kaohe.models import acting_user


class TallyRow(models.Model):
    """计票结果 of one unit in one group, frozen when the office counts (and again on a recount).

    ``score`` is what went to the scheme's item as the group's 0–100 score; None when the group
    missed its quorum, its session was void, or nobody answered for the unit."""

    group = models.ForeignKey(EvaluatorGroup, on_delete=models.CASCADE, related_name="tally_rows")
    cycle_unit = models.ForeignKey(CycleUnit, on_delete=models.CASCADE, related_name="+")
    counted = models.PositiveIntegerField("计入票数")
    void = models.PositiveIntegerField("无效票数")
    no_answer = models.PositiveIntegerField("未作评价（不了解）")
    dropped = models.PositiveIntegerField("去掉的最高最低分", default=0)
    mean = models.DecimalField("平均分", max_digits=7, decimal_places=3, null=True, blank=True)
    unsatisfied = models.PositiveIntegerField("「不满意」次数", default=0)
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "计票结果"
        verbose_name_plural = "计票结果"
        ordering = ["group", "cycle_unit"]
        constraints = [
            models.UniqueConstraint(fields=["group", "cycle_unit"], name="tally_row_once"),
        ]

    def __str__(self) -> str:
        return f"{self.group} · {self.cycle_unit} · {self.mean}"


class ProposedDeduction(models.Model):
    """A 「不满意」 count on a unit, proposed as a record of the scheme's rule for it (seed 004:
    每次扣2分); the indicator's assessor confirms it into a record or dismisses it."""

    class Status(models.TextChoices):
        PENDING = "pending", "待确认"
        CONFIRMED = "confirmed", "已确认"
        DISMISSED = "dismissed", "不予扣分"

    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="proposed_deductions"
    )
    cycle_unit = models.ForeignKey(CycleUnit, on_delete=models.CASCADE, related_name="+")
    node_path = models.CharField("指标路径", max_length=500)
    rule_id = models.CharField("规则", max_length=100)
    count = models.PositiveIntegerField("「不满意」次数")
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.PENDING)
    record = models.ForeignKey(
        Record, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = acting_user("确认人")

    class Meta:
        verbose_name = "测评建议扣分"
        verbose_name_plural = "测评建议扣分"
        ordering = ["evaluation", "id"]

    def __str__(self) -> str:
        return f"{self.cycle_unit} 「不满意」{self.count} 次"
