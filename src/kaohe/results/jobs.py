"""Background jobs of the results context: recomputing a cycle after its facts changed.

``ask_for_recompute`` is connected to ``cycles.signals.facts_changed`` (results/apps.py) and is
what the office's 「重新计算」 button calls. The backend is set by ``KAOHE_TASKS`` (README):
``worker`` queues the job in the database for ``manage.py task_worker``, so saving a record never
waits for a province-sized computation; ``immediate`` (the default, and the tests') runs it at
once in the saving request.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_tasks import task

from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.results.live import recompute
from kaohe.results.models import LiveResult


def ask_for_recompute(cycle: Cycle, cycle_unit: CycleUnit | None = None, **signal: Any) -> int:
    """Number a request to recompute after a committed change and queue it; the number is
    returned. With the immediate backend the recompute runs before this returns. (``signal``
    takes the signal's sender when facts_changed calls this.)"""
    with transaction.atomic():
        live, _ = LiveResult.objects.select_for_update().get_or_create(cycle=cycle)
        live.requested += 1
        live.save(update_fields=["requested"])
    recompute_results.enqueue(cycle.pk, cycle_unit.pk if cycle_unit else None, live.requested)
    return live.requested


@task()
def recompute_results(cycle_id: int, cycle_unit_id: int | None, asked: int) -> None:
    """Recompute the cycle's live result for request number ``asked``; a cycle or unit deleted
    since the request leaves nothing to do (or the whole cycle to compute)."""
    cycle = Cycle.objects.filter(pk=cycle_id).first()
    if cycle is None:
        return
    cycle_unit = (
        CycleUnit.objects.filter(pk=cycle_unit_id, cycle=cycle).first() if cycle_unit_id else None
    )
    recompute(cycle, cycle_unit, asked)
