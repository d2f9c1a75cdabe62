"""The holiday table: days the administrator declares, overriding or extending chinese-calendar."""

from __future__ import annotations

from django.db import models


class Holiday(models.Model):
    """One day declared a holiday (休) or a make-up working day (调休上班, `is_working_day`)."""

    date = models.DateField("日期", unique=True)
    is_working_day = models.BooleanField("调休上班", default=False)
    name = models.CharField("名称", max_length=50)

    class Meta:
        ordering = ["date"]
        verbose_name = "节假日"
        verbose_name_plural = "节假日"

    def __str__(self) -> str:
        kind = "调休上班" if self.is_working_day else "放假"
        return f"{self.date:%Y-%m-%d} {self.name}（{kind}）"
