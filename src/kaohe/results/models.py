"""Results kept for a cycle: the latest live computation and the published snapshots.

A result is kept in two parts so that a page decodes only what it shows: a summary (the
cycle's ``CycleResult.summary_dict()``: every unit's total, sections, rank, grade and vetoes —
the ranking) and one ``UnitResult`` row per unit holding its node tree (a breakdown page reads
one). The requests to recompute are counted on a row of their own (``RecomputeRequests``), so
that numbering one never reads or rewrites a result.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import models
from django.utils import timezone

from kaohe.cycles.models import Cycle
from kaohe.jobs import BackgroundJob
from kaohe.models import acting_user


class RecomputeRequests(models.Model):
    """A cycle's numbered requests to recompute, and the lease of the one recompute running.

    Every change to the facts is a numbered request (``requested``); a recompute takes the
    lease (``running_until``) with one conditional UPDATE, so that at most one runs per cycle;
    a lease past its time is free again (its worker died).
    """

    cycle = models.OneToOneField(Cycle, on_delete=models.CASCADE, related_name="recompute_requests")
    requested = models.PositiveIntegerField("重算请求", default=0)
    running_until = models.DateTimeField("正在计算（租约到期）", null=True, blank=True)

    class Meta:
        verbose_name = "重算请求"
        verbose_name_plural = "重算请求"

    def __str__(self) -> str:
        return f"{self.cycle} 重算请求 {self.requested}"


class LiveResult(models.Model):
    """The latest engine result of a cycle, refreshed whenever its facts change.

    ``summary`` is ``CycleResult.summary_dict()``, each unit's node tree a ``UnitResult`` row;
    when the last computation failed (a record that does not fit the scheme) ``problems`` lists
    why and the last good result stays.

    A computation records the highest request it has taken into account (``answered``). While
    a request waits for the background worker, the result is ``pending`` and the pages say so.
    """

    cycle = models.OneToOneField(Cycle, on_delete=models.CASCADE, related_name="live_result")
    summary = models.JSONField("结果汇总", default=dict)
    problems = models.JSONField("问题", default=list)
    revision = models.PositiveIntegerField("计算次数", default=0)
    computed_at = models.DateTimeField("计算时间", auto_now=True)
    answered = models.PositiveIntegerField("已计入的请求", default=0)

    class Meta:
        verbose_name = "实时结果"
        verbose_name_plural = "实时结果"

    def __str__(self) -> str:
        return f"{self.cycle} 实时结果"

    @property
    def requested(self) -> int:
        asked = RecomputeRequests.objects.filter(cycle_id=self.cycle_id)
        return asked.values_list("requested", flat=True).first() or 0

    @property
    def pending(self) -> bool:
        """Some change to the facts is not counted yet (a recompute is queued or running)."""
        return self.requested > self.answered

    @property
    def data(self) -> dict[str, Any]:
        """The whole ``CycleResult.to_dict()``, every unit's tree decoded (publishing, tests)."""
        return whole_result(
            self.summary, UnitResult.objects.filter(cycle_id=self.cycle_id, snapshot=None)
        )

    def unit(self, label: str) -> dict[str, Any] | None:
        return unit_result(self.summary, self.unit_rows(), label)

    def unit_rows(self) -> models.QuerySet[UnitResult]:
        return UnitResult.objects.filter(cycle_id=self.cycle_id, snapshot=None)


class Snapshot(models.Model):
    """公示 result: a frozen copy of the results and the records behind them.

    Number 1 is the first publication; each upheld appeal publishes the next number. Earlier
    snapshots are never changed or deleted. Each unit's tree and its records are frozen in a
    ``UnitResult`` row of the snapshot.
    """

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="snapshots")
    number = models.PositiveIntegerField("公示序号")
    summary = models.JSONField("结果汇总", default=dict)
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

    @property
    def data(self) -> dict[str, Any]:
        return whole_result(self.summary, self.unit_rows())

    def unit(self, label: str) -> dict[str, Any] | None:
        return unit_result(self.summary, self.unit_rows(), label)

    def unit_rows(self) -> models.QuerySet[UnitResult]:
        return UnitResult.objects.filter(snapshot=self)


class Publication(BackgroundJob):
    """一次发布: the background job that makes a cycle's first snapshot (``results.publishing.
    make_publication``, through ``kaohe.jobs.run_once``). The cycle is 发布中 from the request on,
    and so is the row (it is asked for 进行中, never 排队中); its page polls it for the step, then
    shows the outcome. A failure puts the cycle back to 已锁定 with the reasons here."""

    STATUS_WORDS = {
        BackgroundJob.Status.QUEUED: "发布中",
        BackgroundJob.Status.RUNNING: "发布中",
        BackgroundJob.Status.DONE: "已发布",
        BackgroundJob.Status.FAILED: "发布失败",
    }
    STALLED_AFTER = timedelta(minutes=10)

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="publications")
    started_by = acting_user("发布人")
    problems = models.JSONField("问题", default=list)

    class Meta(BackgroundJob.Meta):
        verbose_name = "结果发布"
        verbose_name_plural = "结果发布"

    def __str__(self) -> str:
        return f"{self.cycle} 结果发布（{self.status_word}）"

    @property
    def stalled(self) -> bool:
        """Still unfinished long after it began: its worker has died (a restart, a crash), and
        the office may queue it again — the job finishes it once, whichever run gets there
        first."""
        return not self.finished and timezone.now() - self.created_at > self.STALLED_AFTER


class UnitResult(models.Model):
    """One unit's node tree in the live result (``snapshot`` empty) or in a snapshot, which
    also freezes the unit's records (JSON-ready rows, see ``results.actions.record_row``)."""

    # Inserted one row a statement (``bulk_create(..., batch_size=ROWS_PER_INSERT)``): a row is
    # a few hundred KB of JSON at province scale, and Django's PostgreSQL bulk_create sends a
    # batch of rows as one array a column (UNNEST), which psycopg escapes in Python about 25
    # times slower than each value sent alone (docs/results.md, "Publication at province scale").
    ROWS_PER_INSERT = 1

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="+")
    snapshot = models.ForeignKey(
        Snapshot, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    unit = models.CharField("单位", max_length=200)
    nodes = models.JSONField("得分明细", default=list)
    records = models.JSONField("考核记录", default=list)

    class Meta:
        verbose_name = "单位结果"
        verbose_name_plural = "单位结果"
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "unit"],
                condition=models.Q(snapshot=None),
                name="live_unit_result_once",
            ),
            models.UniqueConstraint(
                fields=["snapshot", "unit"],
                condition=models.Q(snapshot__isnull=False),
                name="snapshot_unit_result_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} 得分明细"


def unit_in(data: dict[str, Any], label: str) -> dict[str, Any] | None:
    return next((unit for unit in data.get("units", []) if unit["unit"] == label), None)


def unit_result(
    summary: dict[str, Any], rows: models.QuerySet[UnitResult], label: str
) -> dict[str, Any] | None:
    """One unit as ``UnitResult.to_dict`` has it: its summary with its tree (one row read)."""
    found = unit_in(summary, label)
    if found is None:
        return None
    nodes = rows.filter(unit=label).values_list("nodes", flat=True).first()
    return {**found, "nodes": nodes or []}


def whole_result(summary: dict[str, Any], rows: models.QuerySet[UnitResult]) -> dict[str, Any]:
    trees = dict(rows.values_list("unit", "nodes"))
    units = [{**unit, "nodes": trees.get(unit["unit"], [])} for unit in summary.get("units", [])]
    return {**summary, "units": units} if summary else {}


class BulletinDetails(models.Model):
    """What the office sets for a cycle's 考核结果通报 (results.bulletin): the issuing body's
    mark, the document number, the addressees, the signature and the date. A cycle without a
    row uses the defaults of ``results.bulletin.wording.default_details``."""

    cycle = models.OneToOneField(Cycle, on_delete=models.CASCADE, related_name="bulletin_details")
    mark = models.CharField("发文机关标志", max_length=60)
    number = models.CharField("发文字号", max_length=60)
    addressees = models.CharField("主送机关", max_length=200)
    signature = models.CharField("落款（发文机关署名）", max_length=60)
    dated = models.DateField("成文日期")

    class Meta:
        verbose_name = "考核结果通报设置"
        verbose_name_plural = "考核结果通报设置"

    def __str__(self) -> str:
        return f"{self.cycle} 考核结果通报设置"
