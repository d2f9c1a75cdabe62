from __future__ import annotations

from django.db import models

from kaohe.jobs import BackgroundJob
from kaohe.models import acting_user


class ImportJob(BackgroundJob):
    """一次批量导入: the uploaded file, kept only until the job ends, its progress and outcome.

    The job runs in the background (kaohe.imports.jobs.run_import); the page that started it
    shows this row while it runs: the step, rows read and checked, rows saved, then the outcome
    or every refused row.
    """

    importer = models.CharField("导入程序", max_length=200)
    # Where a finished import's result is (a new draft scheme's editor): its page goes there.
    result_url = models.CharField("结果地址", max_length=300, blank=True)
    original_name = models.CharField("文件名", max_length=255)
    stored_name = models.CharField("暂存名", max_length=255, blank=True)
    started_by = acting_user("导入人")
    rows_total = models.PositiveIntegerField("总行数", default=0)
    rows_checked = models.PositiveIntegerField("已校验行数", default=0)
    rows_inserted = models.PositiveIntegerField("已保存行数", default=0)
    outcome = models.TextField("结果", blank=True)
    problems = models.JSONField("问题", default=list)
    notes = models.JSONField("提示", default=list)

    class Meta(BackgroundJob.Meta):
        verbose_name = "批量导入"
        verbose_name_plural = "批量导入"

    def __str__(self) -> str:
        return f"{self.title}（{self.original_name}）"
