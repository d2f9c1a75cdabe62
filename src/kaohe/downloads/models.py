from __future__ import annotations

from django.db import models

from kaohe.jobs import BackgroundJob
from kaohe.models import acting_user


class Download(BackgroundJob):
    """一份后台生成的文件 (an export, the 通报): asked for in one request, made by a background
    job (kaohe.downloads.jobs.make_download), kept for whoever asked until it expires.

    The page that the request answers with shows this row while the file is made — the step,
    then the link to the file, or why it could not be made.
    """

    STATUS_WORDS = {BackgroundJob.Status.RUNNING: "生成中"}

    maker = models.CharField("生成程序", max_length=200)
    requested_by = acting_user("申请人")
    filename = models.CharField("文件名", max_length=255, blank=True)
    content_type = models.CharField("文件类型", max_length=100, blank=True)
    stored_name = models.CharField("存储名", max_length=255, blank=True)
    problem = models.TextField("未生成原因", blank=True)

    class Meta(BackgroundJob.Meta):
        verbose_name = "文件生成"
        verbose_name_plural = "文件生成"

    def __str__(self) -> str:
        return self.title
