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
