"""Recompute a cycle's live result whenever its records or evaluation scores change."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from kaohe.cycles.signals import facts_changed
from kaohe.results.live import ask_for_recompute


@receiver(facts_changed, dispatch_uid="results.recompute")
def recompute_on_change(sender: Any, cycle: Any, cycle_unit: Any = None, **kwargs: Any) -> None:
    ask_for_recompute(cycle, cycle_unit)
