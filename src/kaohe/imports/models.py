from __future__ import annotations

from django.db import models

from kaohe.models import acting_user


class ImportJob(models.Model):
    """一次批量导入: the uploaded file, kept only until the job ends, its progress and outcome.

    The job runs in the background (kaohe.imports.jobs.run_import); the page that started it
    shows this row while it runs: the step, rows read and checked, rows saved, then the outcome
    or every refused row.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "进行中"
        DONE = "done", "已完成"
        FAILED = "failed", "未导入"

    importer = models.CharField("导入程序", max_length=200)
    title = models.CharField("导入内容", max_length=200)
    params = models.JSONField("参数", default=dict)
    back_url = models.CharField("返回地址", max_length=300, blank=True)
    # Where a finished import's result is (a new draft scheme's editor): its page goes there.
    result_url = models.CharField("结果地址", max_length=300, blank=True)
    original_name = models.CharField("文件名", max_length=255)
    stored_name = models.CharField("暂存名", max_length=255, blank=True)
    started_by = acting_user("导入人")
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField("当前步骤", max_length=50, blank=True)
    rows_total = models.PositiveIntegerField("总行数", default=0)
    rows_checked = models.PositiveIntegerField("已校验行数", default=0)
    rows_inserted = models.PositiveIntegerField("已保存行数", default=0)
    outcome = models.TextField("结果", blank=True)
    problems = models.JSONField("问题", default=list)
    notes = models.JSONField("提示", default=list)
    created_at = models.DateTimeField("开始时间", auto_now_add=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)

    class Meta:
        verbose_name = "批量导入"
        verbose_name_plural = "批量导入"
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.title}（{self.original_name}）"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
