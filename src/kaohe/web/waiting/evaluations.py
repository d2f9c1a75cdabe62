"""评议人's home panel. Ballots are the evaluations app's (issue 14): until it lists the ballots
waiting for a person, the panel says where they will appear."""

from __future__ import annotations

from typing import Any

from kaohe.web.waiting.panels import Panel


def evaluator_panel(user: Any) -> Panel:
    return Panel(
        "测评与评议",
        "考核办发起测评后，待您填写的测评表会列在这里，每人限填一次。",
        testid="evaluator",
    )
