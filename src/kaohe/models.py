"""Model pieces shared by every app (below all of them, like kaohe.forms)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


def acting_user(verbose_name: str) -> Any:
    """Who did it. The row outlives the account (SET_NULL) and users get no reverse accessor."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class EvidenceFile(models.Model):
    """证明材料: an upload checked and stored by kaohe.uploads, downloaded only as an attachment.

    Each app's evidence adds the one thing it is evidence of (a record, a report, an appeal).
    """

    original_name = models.CharField("文件名", max_length=255)
    stored_name = models.CharField("存储名", max_length=255, unique=True)
    content_type = models.CharField("类型", max_length=100)
    size = models.PositiveIntegerField("大小")
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_by = acting_user("上传人")
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name

    def audit_fields(self) -> dict[str, str]:
        """What the audit log keeps of a file attached or removed: its name and checksum."""
        return {"文件": self.original_name, "SHA-256": self.sha256}
