from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from kaohe.cycles.models.cycle import Cycle, CycleUnit
from kaohe.models import EvidenceFile, acting_user


class Versioned(models.Model):
    """A row two people may edit at once. ``version`` grows with every change; a save names the
    version it started from (0: the row did not exist yet), and a stale one is refused, so that
    nobody silently overwrites a newer change."""

    version = models.PositiveIntegerField("版本", default=1)

    class Meta:
        abstract = True

    def ensure_unchanged_since(self, expected_version: int, refusal: str) -> None:
        if self.version != expected_version:
            raise ValidationError(refusal)


class Record(Versioned):
    """考核记录: one deduction, bonus, count or value an assessor keeps for one unit."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="records")
    unit = models.ForeignKey(
        CycleUnit, verbose_name="被考核单位", on_delete=models.CASCADE, related_name="records"
    )
    indicator = models.CharField("指标路径", max_length=500)
    rule = models.CharField("规则", max_length=100, blank=True)
    count = models.DecimalField("次数", max_digits=12, decimal_places=4, null=True, blank=True)
    value = models.DecimalField("数值", max_digits=14, decimal_places=4, null=True, blank=True)
    level = models.CharField("级别", max_length=100, blank=True)
    incident = models.CharField("事项", max_length=100, blank=True)
    date = models.DateField("日期", null=True, blank=True)
    period = models.CharField("期间", max_length=20, blank=True)
    share = models.DecimalField("分摊", max_digits=6, decimal_places=2, null=True, blank=True)
    note = models.TextField("说明", blank=True)
    recorded_by = acting_user("记录人")
    recorded_at = models.DateTimeField("记录时间", auto_now=True)

    class Meta:
        verbose_name = "考核记录"
        verbose_name_plural = "考核记录"
        ordering = ["cycle", "id"]
        indexes = [
            models.Index(fields=["cycle", "unit"]),
            # The records grid: one indicator's records, unit by unit, a page at a time.
            models.Index(fields=["cycle", "indicator", "unit", "id"], name="record_grid_order"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.indicator} · {self.rule}"


class EvaluationEntry(Versioned):
    """An evaluator group's 0–100 score for a unit on an evaluation item (until ballots exist)."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="evaluation_entries")
    cycle_unit = models.ForeignKey(CycleUnit, on_delete=models.CASCADE, related_name="+")
    node_path = models.CharField("指标路径", max_length=500)
    group = models.CharField("评议组", max_length=100)
    round = models.CharField("轮次", max_length=50, blank=True)
    score = models.DecimalField("得分", max_digits=7, decimal_places=3)

    class Meta:
        verbose_name = "测评得分"
        verbose_name_plural = "测评得分"
        constraints = [
            models.UniqueConstraint(
                fields=["cycle_unit", "node_path", "group", "round"], name="evaluation_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cycle_unit} · {self.group} · {self.score}"


class RecordEvidence(EvidenceFile):
    """证明材料 attached to a record by its assessor."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="evidence")

    class Meta:
        verbose_name = "记录证明材料"
        verbose_name_plural = "记录证明材料"
        ordering = ["record", "id"]
