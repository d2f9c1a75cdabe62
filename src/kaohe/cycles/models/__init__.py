"""The cycle context: a cycle, its units and task assignments, the records assessors keep."""

from kaohe.cycles.models.cycle import Assignment, Cycle, CycleUnit
from kaohe.cycles.models.records import EvaluationEntry, Record, RecordEvidence

__all__ = [
    "Assignment",
    "Cycle",
    "CycleUnit",
    "EvaluationEntry",
    "Record",
    "RecordEvidence",
]
