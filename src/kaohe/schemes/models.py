from __future__ import annotations

from typing import Any

from django.db import models

from kaohe.models import acting_user


class Scheme(models.Model):
    """A 考核方案 as the office knows it; its content lives in numbered versions."""

    class Source(models.TextChoices):
        BUILTIN = "builtin", "内置模板"
        IMPORTED = "imported", "导入文件"
        BLANK = "blank", "从零新建"

    slug = models.SlugField("方案标识", max_length=80, unique=True)
    name = models.CharField("方案名称", max_length=200)
    body = models.CharField("制定单位", max_length=200, blank=True)
    source = models.CharField("来源", max_length=20, choices=Source.choices)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    created_by = acting_user("创建人")

    class Meta:
        verbose_name = "考核方案"
        verbose_name_plural = "考核方案"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SchemeVersion(models.Model):
    """One version of a scheme's canonical document. Once published it never changes."""

    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        PUBLISHED = "published", "已发布"

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("版本号")
    document = models.TextField("方案文件（YAML）")
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DRAFT)
    problems = models.JSONField("校验问题", default=list, blank=True)
    import_report = models.JSONField("导入报告", default=list, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    published_by = acting_user("发布人")

    class Meta:
        verbose_name = "方案版本"
        verbose_name_plural = "方案版本"
        ordering = ["scheme", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "number"], name="scheme_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} 第 {self.number} 版"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            stored = SchemeVersion.objects.filter(pk=self.pk).values("status").first()
            if stored and stored["status"] == self.Status.PUBLISHED:
                raise PermissionError("已发布的方案版本不可修改")
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class SchemeRevision(models.Model):
    """One saved state of a version's document: its first content, then one per save of the
    draft, from the form editor, the 「高级」 view or a restore. Never changed afterwards."""

    version = models.ForeignKey(SchemeVersion, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField("修订号")
    document = models.TextField("方案文件（YAML）")
    describe = models.CharField("修改内容", max_length=500)
    created_at = models.DateTimeField("保存时间", auto_now_add=True)
    created_by = acting_user("修改人")

    class Meta:
        verbose_name = "方案修订"
        verbose_name_plural = "方案修订"
        ordering = ["version", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="scheme_revision_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.version} 第 {self.number} 次修订"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("方案修订不可修改")
        super().save(*args, **kwargs)
