"""Explanations on demand: the quick path keeps only numbers; this re-scores one unit in full.

Re-scoring runs every rule through its ``apply`` (the path that writes a line per record), so
the lines always match the numbers the quick path produced (a property test checks this).
"""

from __future__ import annotations

from kaohe.engine.compute.plan import Plan
from kaohe.engine.compute.results import NodeResult
from kaohe.engine.model.facts import UnitFacts
from kaohe.engine.rules.base import Line


class UnitExplainer:
    """Lazily scores one unit with full explanations, once, and hands out each leaf's lines.

    It keeps the unit's facts as given, not the records grouped by rule: a result outlives the
    scoring, and a province's grouped records would be hundreds of thousands of small lists
    for the cycle collector to walk while nobody reads them.
    """

    __slots__ = ("_results", "absent", "facts", "plan")

    def __init__(self, plan: Plan, facts: UnitFacts, absent: frozenset[str]) -> None:
        self.plan = plan
        self.facts = facts
        self.absent = absent
        self._results: dict[str, NodeResult] | None = None

    def lines_for(self, path: str) -> tuple[Line, ...]:
        found = self.explained(path)
        return found.own_lines if found is not None else ()

    def explained(self, path: str) -> NodeResult | None:
        """The leaf as the full path scores it, lines included."""
        if self._results is None:
            from kaohe.engine.compute.facts_by_rule import unit_view
            from kaohe.engine.compute.leaves import score_leaves

            view = unit_view(self.plan, self.facts, [])  # problems were reported when scored
            tables = score_leaves(self.plan, view, self.absent, None).tables
            self._results = {
                path: NodeResult(path, score, tables.lines.get(path, ()))
                for path, score in tables.scores.items()
            }
        return self._results.get(path)
