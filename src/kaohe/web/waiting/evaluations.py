"""评议人's home panel: the evaluation forms waiting for this person (evaluations.access)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kaohe.evaluations.access import waiting_groups
from kaohe.web.waiting.panels import Count, Panel


def evaluator_panel(user: Any) -> Panel:
    panel = Panel(
        "测评与评议",
        "考核办发起测评后，待您填写的测评表会列在这里，每人限填一次。",
        testid="evaluator",
    )
    for group in waiting_groups(user):
        panel.add(
            Count(
                f"{group.evaluation} · {group.name}",
                1,
                reverse("evaluations:vote", args=[group.pk]),
                unit="份",
                note=f"{group.evaluation.closes_at:%Y-%m-%d %H:%M} 截止",
            )
        )
    return panel
