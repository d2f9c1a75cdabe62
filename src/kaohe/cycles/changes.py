"""Telling the contexts built on cycles that a cycle's facts changed: after commit, once.

Every change to a record or an evaluation score ends in ``notify_changed(cycle, cycle_unit)``.
The changes made within one transaction are collected in one ``ChangeBatch`` and told once,
when the transaction commits, through ``cycles.signals.facts_changed``: one unit's changes as
that unit, several units' as the whole cycle (``cycle_unit`` None). An import of a thousand
rows thus recomputes once, not a thousand times. A rolled-back transaction tells nothing; a
rolled-back savepoint inside a transaction that goes on may leave its change in the batch, which
costs one recompute, never a wrong score.

    with changes_told_once() as batch:   # joins the transaction's batch, or starts one
        batch.add(cycle, cycle_unit)

Only public API: ``transaction.atomic`` and ``transaction.on_commit`` from Django, and from
Python a context variable holding a weak reference to the open batch. Django keeps the batch's
``send`` in its on-commit list while the transaction runs and drops it when the transaction (or
the savepoint it was registered in) rolls back; the batch then has no other owner, CPython frees
it at once, and the weak reference tells the next change to start a new batch.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.cycles.signals import facts_changed


class ChangeBatch:
    """The cycles changed in one transaction, with the units changed in each."""

    def __init__(self) -> None:
        self.cycles: dict[int, Cycle] = {}
        self.units: dict[int, dict[int | None, CycleUnit | None]] = {}
        self.sent = False

    def add(self, cycle: Cycle, cycle_unit: CycleUnit | None) -> None:
        self.cycles.setdefault(cycle.pk, cycle)
        unit_key = cycle_unit.pk if cycle_unit is not None else None
        self.units.setdefault(cycle.pk, {})[unit_key] = cycle_unit

    def send(self) -> None:
        """Tell each cycle once (on commit); changes made while telling start a new batch."""
        self.sent = True
        for cycle_id, cycle in self.cycles.items():
            units = self.units[cycle_id]
            only = next(iter(units.values())) if len(units) == 1 else None
            facts_changed.send(sender=Cycle, cycle=cycle, cycle_unit=only)


_open_batch: ContextVar[weakref.ref[ChangeBatch] | None] = ContextVar(
    "kaohe_open_change_batch", default=None
)


def open_batch() -> ChangeBatch | None:
    """The batch of the running transaction: alive while its send waits for the commit."""
    reference = _open_batch.get()
    batch = reference() if reference is not None else None
    return batch if batch is not None and not batch.sent else None


@contextmanager
def changes_told_once() -> Iterator[ChangeBatch]:
    """The running transaction's batch of changes (a new one, sent on commit, when it has none).

    The block runs in ``transaction.atomic``: outside a transaction it is one (committed, and
    told, when the block ends); inside one it is a savepoint, and the batch is told when the
    outermost transaction commits."""
    with transaction.atomic():
        batch = open_batch()
        if batch is None:
            batch = ChangeBatch()
            _open_batch.set(weakref.ref(batch))
            transaction.on_commit(batch.send)
        yield batch


def notify_changed(cycle: Cycle, cycle_unit: CycleUnit | None) -> None:
    """Tell, once the transaction commits, that the unit's facts (None: many units') changed."""
    with changes_told_once() as batch:
        batch.add(cycle, cycle_unit)
