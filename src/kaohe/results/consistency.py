"""考评一致性: per 考评单位 and indicator, what each unit was given against the other units.

The amount given is the records' 次数 (a record without one counts once), summed per unit and
indicator. A unit is flagged when its amount is more than twice the median of the amounts the
assessor gave on that indicator to the units it gave anything (the median above zero); a unit the
assessor covers but never gave a record to is listed apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from statistics import median

from kaohe import engine
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.forms import unit_label

OUTLIER_TIMES = 2


@dataclass(frozen=True)
class Given:
    """One record as the consistency check reads it."""

    assessor: str
    indicator: str
    unit: str
    amount: Decimal


@dataclass(frozen=True)
class GivenRow:
    assessor: str
    indicator: str
    unit: str
    amount: Decimal
    median: Decimal
    outlier: bool


@dataclass(frozen=True)
class Consistency:
    rows: list[GivenRow]
    never_scored: dict[str, list[str]]


def consistency(given: Iterable[Given], covered: Mapping[str, list[str]]) -> Consistency:
    """``covered``: each assessor's units, in order. Rows per assessor, indicator and unit."""
    totals: dict[tuple[str, str], dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for item in given:
        totals[item.assessor, item.indicator][item.unit] += item.amount
    rows = [row for key, per_unit in totals.items() for row in indicator_rows(key, per_unit)]
    scored = {(row.assessor, row.unit) for row in rows if row.amount}
    never = {
        assessor: [unit for unit in units if (assessor, unit) not in scored]
        for assessor, units in covered.items()
    }
    return Consistency(rows, {assessor: units for assessor, units in never.items() if units})


def indicator_rows(key: tuple[str, str], per_unit: Mapping[str, Decimal]) -> list[GivenRow]:
    middle = Decimal(median([amount for amount in per_unit.values() if amount] or [0]))
    return [
        GivenRow(*key, unit, amount, middle, middle > 0 and amount > OUTLIER_TIMES * middle)
        for unit, amount in per_unit.items()
    ]


def cycle_consistency(cycle: Cycle) -> Consistency:
    """The check on the cycle's stored records, each under the assignment whose subtree holds
    it (the deepest one), its 考评单位 the assessor."""
    roots = assessor_roots(cycle)
    units = list(cycle.cycle_units.order_by("label"))
    labels = {unit.pk: unit.label for unit in units}
    given = [
        Given(assessor, path, labels[unit_id], count if count is not None else Decimal(1))
        for unit_id, path, count in cycle.records.values_list("unit_id", "indicator", "count")
        if (assessor := assessor_of(roots, path))
    ]
    return consistency(given, coverage(roots, units))


def assessor_roots(cycle: Cycle) -> dict[str, str]:
    """Each assigned subtree's root and its 考评单位 as the pickers name it, so that two
    bureaus' 办公室 stay two assessors."""
    assigned = cycle.assignments.filter(assessor__isnull=False).select_related("assessor__parent")
    return {assignment.node_path: unit_label(assignment.assessor) for assignment in assigned}


def coverage(roots: Mapping[str, str], units: list[CycleUnit]) -> dict[str, list[str]]:
    """Each assessor's units: those taking part in at least one of its subtrees."""
    covered: dict[str, list[str]] = {}
    for root, assessor in roots.items():
        more = [u.label for u in units if not sits_out(u.not_participating, root)]
        covered[assessor] = list(dict.fromkeys([*covered.get(assessor, []), *more]))
    return covered


def assessor_of(roots: Mapping[str, str], path: str) -> str | None:
    holding = [root for root in roots if engine.within(path, root)]
    return roots[max(holding, key=len)] if holding else None


def sits_out(not_participating: list[str], root: str) -> bool:
    return any(engine.within(root, path) for path in not_participating)
