from __future__ import annotations

from django.db import models

from kaohe.models import acting_user


class Download(models.Model):
    """一份后台生成的文件 (an export, the 通报): asked for in one request, made by a background
    job (kaohe.downloads.jobs.make_download), kept for whoever asked until it expires.

    The page that the request answers with shows this row while the file is made — the step,
    then the link to the file, or why it could not be made.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "生成中"
        DONE = "done", "已生成"
        FAILED = "failed", "未生成"

    maker = models.CharField("生成程序", max_length=200)
    title = models.CharField("文件内容", max_length=200)
    params = models.JSONField("参数", default=dict)
    back_url = models.CharField("返回地址", max_length=300, blank=True)
    requested_by = acting_user("申请人")
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField("当前步骤", max_length=50, blank=True)
    filename = models.CharField("文件名", max_length=255, blank=True)
    content_type = models.CharField("文件类型", max_length=100, blank=True)
    stored_name = models.CharField("存储名", max_length=255, blank=True)
    problem = models.TextField("未生成原因", blank=True)
    created_at = models.DateTimeField("申请时间", auto_now_add=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = "文件生成"
        verbose_name_plural = "文件生成"
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
