from typing import Any

import pytest

from kaohe.results import live
from kaohe.results.models import LiveResult


@pytest.fixture
def full_computes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = live.compute_cycle

    def counted(cycle: Any, *facts: Any) -> Any:
        calls.append(cycle.pk)
        return original(cycle, *facts)

    monkeypatch.setattr(live, "compute_cycle", counted)
    return calls


def totals(cycle: Any) -> dict[str, tuple[str, int]]:
    data = LiveResult.objects.get(cycle=cycle).data
    return {unit["unit"]: (unit["total"], unit["rank"]) for unit in data["units"]}


def test_a_second_change_in_a_scheme_without_cross_unit_rules_recomputes_one_unit(
    graded: Any, full_computes: list[int]
) -> None:
    graded.graded_record("办公室", "late", "1")
    graded.graded_record("党建科", "late", "3")
    graded.graded_record("办公室", "award", "1")

    assert len(full_computes) == 1  # only the first change, before any context was kept
    assert totals(graded.graded_cycle) == {
        "督查科": ("100.00", 1),
        "办公室": ("96.00", 2),
        "党建科": ("85.00", 3),
    }


def test_the_incremental_result_equals_a_full_computation(graded: Any) -> None:
    graded.graded_record("办公室", "late", "1")
    graded.graded_record("党建科", "award", "3")
    graded.graded_record("督查科", "veto")
    incremental = LiveResult.objects.get(cycle=graded.graded_cycle).data

    assert incremental == live.compute_cycle(graded.graded_cycle).to_dict()


def test_a_scheme_with_ranking_items_is_always_computed_whole(
    bureau: Any, full_computes: list[int]
) -> None:
    bureau.record("办公室", "1.2", "st1", "1")
    bureau.record("党建科", "3", "innovation", "1", value=5)

    assert len(full_computes) == 2  # 工作创新前三名 ranks units against each other
