"""A recompute stores only the node trees that changed: after a save to one unit, that unit's
tree alone is turned to JSON and written (turning 200 trees into JSON was most of a city
cycle's recompute), while the stored result stays equal to a full computation — also when a
change moves the other units (a rank-based item) or another process stored a result meanwhile.
"""

from typing import Any

import pytest
from django.db.models import F

from kaohe.engine.compute.results import UnitResult as EngineUnitResult
from kaohe.results import live
from kaohe.results.models import LiveResult, UnitResult


@pytest.fixture
def trees_written(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The units whose node trees were turned into JSON."""
    written: list[str] = []
    original = EngineUnitResult.node_dicts

    def counted(self: Any, scheme: Any) -> Any:
        written.append(self.unit)
        return original(self, scheme)

    monkeypatch.setattr(EngineUnitResult, "node_dicts", counted)
    return written


def stored(bureau: Any) -> dict[str, Any]:
    return LiveResult.objects.get(cycle=bureau.cycle).data


def full(bureau: Any) -> dict[str, Any]:
    return live.compute_cycle(bureau.cycle).to_dict()


def test_a_save_to_one_unit_writes_that_units_tree_alone(
    bureau: Any, trees_written: list[str]
) -> None:
    bureau.record("办公室", "1.2", "st1", "1")
    trees_written.clear()

    bureau.record("党建科", "1.2", "st1", "2")

    assert trees_written == ["党建科"]
    assert stored(bureau) == full(bureau)


def test_a_change_to_a_rank_based_item_writes_every_tree_it_moves(
    bureau: Any, trees_written: list[str]
) -> None:
    bureau.record("办公室", "1.2", "st1", "1")
    trees_written.clear()

    bureau.record("党建科", "3", "innovation", "1", value=5)  # 工作创新前三名

    assert len(trees_written) > 1
    assert stored(bureau) == full(bureau)


def test_a_result_stored_meanwhile_by_another_process_gets_every_tree(
    bureau: Any, trees_written: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bureau.record("办公室", "1.2", "st1", "1")
    original = live.fresh_result

    def another_process_stores_meanwhile(cycle: Any, *args: Any) -> Any:
        fresh = original(cycle, *args)
        LiveResult.objects.filter(cycle=cycle).update(revision=F("revision") + 1)
        UnitResult.objects.filter(cycle=cycle, snapshot=None, unit="督查科").update(nodes=[])
        return fresh

    monkeypatch.setattr(live, "fresh_result", another_process_stores_meanwhile)
    trees_written.clear()

    bureau.record("党建科", "1.2", "st1", "2")

    assert "督查科" in trees_written
    assert stored(bureau) == full(bureau)
