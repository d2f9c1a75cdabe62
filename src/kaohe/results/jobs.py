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
from django.db.models import F
from django_tasks import task

from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.results.live import recompute
from kaohe.results.models import LiveResult, RecomputeRequests


def ask_for_recompute(cycle: Cycle, cycle_unit: CycleUnit | None = None, **signal: Any) -> int:
    """Number a request to recompute after a committed change and queue it; the number is
    returned. With the immediate backend the recompute runs before this returns. (``signal``
    takes the signal's sender when facts_changed calls this.)"""
    asked = number_request(cycle)
    recompute_results.enqueue(cycle.pk, cycle_unit.pk if cycle_unit else None, asked)
    return asked


def number_request(cycle: Cycle) -> int:
    """One UPDATE adding 1 to the cycle's counter, which sits on a row without any result JSON
    (the row is created with the cycle's first request)."""
    requests = RecomputeRequests.objects.filter(cycle=cycle)
    with transaction.atomic():
        if not requests.update(requested=F("requested") + 1):
            first_request(cycle)
        return requests.values_list("requested", flat=True).get()


def first_request(cycle: Cycle) -> None:
    RecomputeRequests.objects.get_or_create(cycle=cycle)
    RecomputeRequests.objects.filter(cycle=cycle).update(requested=F("requested") + 1)
    # Nothing counted yet: the pages say pending until the recompute has run.
    LiveResult.objects.only("id").get_or_create(cycle=cycle)


@task()
def recompute_results(cycle_id: int, cycle_unit_id: int | None, asked: int) -> None:
    """Recompute the cycle's live result for request number ``asked`` (nothing when a later
    computation counted it already); a cycle or unit deleted since the request leaves nothing
    to do (or the whole cycle to compute)."""
    cycle = Cycle.objects.filter(pk=cycle_id).first()
    if cycle is None:
        return
    cycle_unit = (
        CycleUnit.objects.filter(pk=cycle_unit_id, cycle=cycle).first() if cycle_unit_id else None
    )
    recompute(cycle, cycle_unit, asked)
