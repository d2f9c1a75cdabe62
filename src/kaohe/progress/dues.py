"""The tasks each unit of a cycle reports progress on, and the state of every report due.

A task is an assignment (任务分工) whose responsible units name the cycle unit's unit or one of
its sections. Indicators the scheme marks as system-derived (`system: diligence`) are kaohe's own
to compute and are not reported on; a group is left out when one of its indicators is assigned.
Everything here reads the whole cycle in a fixed number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from kaohe import engine
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Assignment, Cycle, CycleUnit
from kaohe.progress.models import Submission
from kaohe.progress.periods import Period, cycle_periods, task_period


def reportable(assignments: list[Assignment], scheme: engine.Scheme) -> list[Assignment]:
    assigned = {a.node_path for a in assignments}
    kept = []
    for assignment in assignments:
        node = scheme.nodes.get(assignment.node_path)
        if node is None or node.system:
            continue
        if any(child.path in assigned for child in node.walk() if child is not node):
            continue
        kept.append(assignment)
    return kept


def tasks_by_unit(cycle: Cycle, cycle_units: list[CycleUnit]) -> dict[int, list[Assignment]]:
    """cycle unit id → the tasks it reports on."""
    assignments = list(
        cycle.assignments.select_related("assessor").prefetch_related("responsible_units")
    )
    found: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in reportable(assignments, cycle_scheme(cycle)):
        named = {u.pk for u in assignment.responsible_units.all()}
        named |= {u.parent_id for u in assignment.responsible_units.all() if u.parent_id}
        for cycle_unit in cycle_units:
            if cycle_unit.unit_id in named:
                found[cycle_unit.pk].append(assignment)
    return found


@dataclass
class Due:
    """One report due: a unit, a task, a period, and the submission if one was started."""

    cycle_unit: CycleUnit
    assignment: Assignment
    period: Period
    submission: Submission | None


def submissions_of(cycle: Cycle) -> dict[tuple[int, int, str], Submission]:
    rows = Submission.objects.filter(cycle_unit__cycle=cycle)
    return {(s.cycle_unit_id, s.assignment_id, s.period): s for s in rows}


def dues(cycle: Cycle, cycle_units: list[CycleUnit], started_by: date | None = None) -> list[Due]:
    """Every report due from the given units, for periods begun by `started_by` (all if None)."""
    periods = [p for p in cycle_periods(cycle) if started_by is None or p.starts_on <= started_by]
    tasks = tasks_by_unit(cycle, cycle_units)
    submitted = submissions_of(cycle)
    found = []
    for cycle_unit in cycle_units:
        for assignment in tasks.get(cycle_unit.pk, []):
            for period in periods:
                key = (cycle_unit.pk, assignment.pk, period.key)
                found.append(
                    Due(cycle_unit, assignment, task_period(period, assignment), submitted.get(key))
                )
    return found
