"""cycles/changes.py: the changes of one transaction are told once, after it commits."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from kaohe.cycles.changes import changes_told_once, notify_changed
from kaohe.cycles.signals import facts_changed


class Refused(Exception):
    pass


@pytest.fixture
def heard() -> Any:
    told: list[str] = []

    def listener(sender: Any, cycle: Any, cycle_unit: Any, **kwargs: Any) -> None:
        told.append(cycle_unit.label if cycle_unit else "整个周期")

    facts_changed.connect(listener)
    yield told
    facts_changed.disconnect(listener)


def test_a_rolled_back_transaction_tells_nothing(
    zhangjiagang: Any, heard: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    capture = django_capture_on_commit_callbacks(execute=True)
    with capture, pytest.raises(Refused), transaction.atomic():
        notify_changed(zhangjiagang.cycle, zhangjiagang.units["党建科"])
        raise Refused

    assert heard == []


def test_a_change_after_a_rolled_back_savepoint_is_still_told(
    zhangjiagang: Any, heard: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        with pytest.raises(Refused), transaction.atomic():
            notify_changed(zhangjiagang.cycle, zhangjiagang.units["党建科"])
            raise Refused
        notify_changed(zhangjiagang.cycle, zhangjiagang.units["督查科"])

    assert heard == ["督查科"]


def test_nested_blocks_share_the_outer_batch_and_tell_the_whole_cycle_once(
    zhangjiagang: Any, heard: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True), changes_told_once() as outer:
        with changes_told_once() as inner:
            inner.add(zhangjiagang.cycle, zhangjiagang.units["党建科"])
        outer.add(zhangjiagang.cycle, zhangjiagang.units["督查科"])
        assert inner is outer

    assert heard == ["整个周期"]


def test_changes_after_the_commit_start_a_new_batch(
    zhangjiagang: Any, heard: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    for label in ("党建科", "督查科"):
        with django_capture_on_commit_callbacks(execute=True):
            notify_changed(zhangjiagang.cycle, zhangjiagang.units[label])

    assert heard == ["党建科", "督查科"]
