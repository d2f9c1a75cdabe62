from __future__ import annotations

import datetime
from typing import Any

import pytest

from kaohe.cycles.models import CycleUnit

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def on(monkeypatch: pytest.MonkeyPatch, day: datetime.date) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: day)


def fresh(cycle_unit: Any) -> CycleUnit:
    return CycleUnit.objects.select_related("cycle", "unit").get(pk=cycle_unit.pk)
