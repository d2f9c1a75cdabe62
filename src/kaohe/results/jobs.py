"""Background work of the results context: recomputing a cycle after its facts changed.

The backend is set by ``KAOHE_TASKS`` (README): ``worker`` queues the task in the database for
``manage.py db_worker``, so saving a record never waits for a province-sized computation;
``immediate`` (the default, and the tests') runs it at once in the saving request.
"""

from __future__ import annotations

from django_tasks import task

from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.results.live import recompute


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
