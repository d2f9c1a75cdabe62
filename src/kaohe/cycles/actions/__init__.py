"""Every change to cycles, assignments and records goes through one function here."""

from kaohe.cycles.actions.opening import (
    CyclePlan,
    UnitEntry,
    UnitFinder,
    assign_from_scheme,
    assignment_snapshot,
    change_assignment,
    change_participation,
    needs_assignment,
    open_cycle,
    unique_labels,
)
from kaohe.cycles.actions.records import (
    add_record,
    change_record,
    check_discretionary,
    check_record,
    delete_record,
    ensure_open,
    may_record,
    notify_changed,
    record_snapshot,
    set_evaluation_score,
)

__all__ = [
    "CyclePlan",
    "UnitEntry",
    "UnitFinder",
    "add_record",
    "assign_from_scheme",
    "assignment_snapshot",
    "change_assignment",
    "change_participation",
    "change_record",
    "check_discretionary",
    "check_record",
    "delete_record",
    "ensure_open",
    "may_record",
    "needs_assignment",
    "notify_changed",
    "open_cycle",
    "record_snapshot",
    "set_evaluation_score",
    "unique_labels",
]
