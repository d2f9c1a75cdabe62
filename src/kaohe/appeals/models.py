"""申诉: a unit contests published records or items; the assessor or the office decides."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from kaohe.cycles.models import Cycle, CycleUnit, Record
from kaohe.models import EvidenceFile, acting_user
from kaohe.results.models import Snapshot


class AppealQuerySet(models.QuerySet["Appeal"]):
    def awaiting_decision(self) -> AppealQuerySet:
        """Appeals nobody has answered yet. Results asks ``cycle.appeals.awaiting_decision()``
        (the related manager carries this method) so that it never spells an appeal's state."""
        return self.filter(status=Appeal.Status.PENDING)


class Appeal(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "待答复"
        UPHELD = "upheld", "申诉成立"
        REJECTED = "rejected", "申诉不成立"

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="appeals")
    cycle_unit = models.ForeignKey(
        CycleUnit, verbose_name="申诉单位", on_delete=models.CASCADE, related_name="appeals"
    )
    snapshot = models.ForeignKey(
        Snapshot, verbose_name="针对的公示", on_delete=models.PROTECT, related_name="appeals"
    )
    record = models.ForeignKey(
        Record,
        verbose_name="考核记录",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appeals",
    )
    record_label = models.CharField("记录内容", max_length=500, blank=True)
    node_path = models.CharField("指标路径", max_length=500)
    node_name = models.CharField("指标", max_length=200)
    reason = models.TextField("申诉理由")
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.PENDING)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="申诉人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    filed_at = models.DateTimeField("申诉时间", auto_now_add=True)
    decision_due = models.DateField("答复期限")
    decided_by = acting_user("答复人")
    decided_at = models.DateTimeField("答复时间", null=True, blank=True)
    decision = models.TextField("答复意见", blank=True)
    republished = models.ForeignKey(
        Snapshot,
        verbose_name="更正后的公示",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = AppealQuerySet.as_manager()

    class Meta:
        verbose_name = "申诉"
        verbose_name_plural = "申诉"
        ordering = ["-filed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.cycle_unit} 对「{self.node_name}」的申诉"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


class AppealEvidence(EvidenceFile):
    """A file attached to an appeal by the person who filed it."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="evidence")

    class Meta:
        verbose_name = "申诉材料"
        verbose_name_plural = "申诉材料"
        ordering = ["id"]
