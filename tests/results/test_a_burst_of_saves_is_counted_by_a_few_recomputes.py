"""Fifty saves in a burst queue fifty requests; the worker counts them with a few recomputes
(a task whose request a later computation already counted does nothing), and the result is
the one of the last save. Before issue 16 every request ran its own full recompute."""

from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command

from kaohe.results import live
from kaohe.results.models import LiveResult

SAVES = 50
UNITS = ("办公室", "督查科", "审批协调科", "人事教育科", "咨询指导科")


@pytest.fixture
def computations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = live.fresh_result

    def counted(cycle: Any, *args: Any) -> Any:
        calls.append(cycle.pk)
        return original(cycle, *args)

    monkeypatch.setattr(live, "fresh_result", counted)
    return calls


def test_fifty_saves_lead_to_a_few_recomputes_and_the_last_result(
    transactional_db: Any, bureau: Any, worker_backend: None, computations: list[int]
) -> None:
    for n in range(SAVES - 1):
        bureau.record(UNITS[n % len(UNITS)], "1.2", "st1", "1", note=f"第{n}次")
    bureau.record("党建科", "1.2", "st1", "3", note="最后一次保存")
    assert LiveResult.objects.get(cycle=bureau.cycle).pending

    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    assert len(computations) <= 3  # far fewer than the 50 saves
    result = LiveResult.objects.get(cycle=bureau.cycle)
    assert not result.pending and result.answered == SAVES
    assert result.data == live.compute_cycle(bureau.cycle).to_dict()
    party = {node["code"]: Decimal(node["score"]) for node in result.unit("党建科")["nodes"]}
    assert party["1.2"] == Decimal("13.5")  # 人员管理情况 15 − 3 × 0.5: the last save is counted
