"""Results kept for a cycle: the latest live computation and the published snapshots."""

from __future__ import annotations

from typing import Any

from django.db import models

from kaohe.cycles.models import Cycle
from kaohe.models import acting_user


class LiveResult(models.Model):
    """The latest engine result of a cycle, refreshed whenever its facts change.

    ``data`` is ``CycleResult.to_dict()``; when the last computation failed (a record that does
    not fit the scheme) ``problems`` lists why and ``data`` keeps the last good result.

    Every change to the facts is a numbered request (``requested``); a computation records the
    highest request it has taken into account (``answered``). While a request waits for the
    background worker, the result is ``pending`` and the pages say so.
    """

    cycle = models.OneToOneField(Cycle, on_delete=models.CASCADE, related_name="live_result")
    data = models.JSONField("结果", default=dict)
    problems = models.JSONField("问题", default=list)
    revision = models.PositiveIntegerField("计算次数", default=0)
    computed_at = models.DateTimeField("计算时间", auto_now=True)
    requested = models.PositiveIntegerField("重算请求", default=0)
    answered = models.PositiveIntegerField("已计入的请求", default=0)

    class Meta:
        verbose_name = "实时结果"
        verbose_name_plural = "实时结果"

    def __str__(self) -> str:
        return f"{self.cycle} 实时结果"

    @property
    def pending(self) -> bool:
        """Some change to the facts is not in ``data`` yet (a recompute is queued)."""
        return self.requested > self.answered

    def unit(self, label: str) -> dict[str, Any] | None:
        return unit_in(self.data, label)


class Snapshot(models.Model):
    """公示 result: a frozen copy of the results and the records behind them.

    Number 1 is the first publication; each upheld appeal publishes the next number. Earlier
    snapshots are never changed or deleted.
    """

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="snapshots")
    number = models.PositiveIntegerField("公示序号")
    data = models.JSONField("结果")
    records = models.JSONField("考核记录", default=list)
    reason = models.CharField("发布原因", max_length=200)
    published_at = models.DateTimeField("公示时间", auto_now_add=True)
    published_by = acting_user("发布人")
    appeal_deadline = models.DateField("申诉截止日期")

    class Meta:
        verbose_name = "公示结果"
        verbose_name_plural = "公示结果"
        ordering = ["cycle", "number"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "number"], name="snapshot_number_once"),
        ]

    def __str__(self) -> str:
        return f"{self.cycle} 第 {self.number} 次公示"

    def unit(self, label: str) -> dict[str, Any] | None:
        return unit_in(self.data, label)


def unit_in(data: dict[str, Any], label: str) -> dict[str, Any] | None:
    return next((unit for unit in data.get("units", []) if unit["unit"] == label), None)
