"""Results: every node's score with its explanation, per unit and for the whole cycle, and the
cross-unit context (averages, rank positions, standings) a cycle's result was computed in."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from kaohe.engine.compute.tables import group_line
from kaohe.engine.numbers import round_half_up
from kaohe.engine.rules.base import Line

if TYPE_CHECKING:
    from kaohe.engine.model.scheme import Node, Scheme

RESULT_FORMAT = "kaohe-result/1"

SortKey = tuple[object, ...]


@dataclass(frozen=True)
class Standing:
    """Where a unit stands for the final ranking: its sort key and its grade before the quota."""

    key: SortKey
    grade: str | None
    ranked: bool


@dataclass(frozen=True)
class CycleContext:
    """Everything one unit's result needs from the other units (see ``compute_unit``)."""

    averages: Mapping[str, Decimal] = field(default_factory=dict)
    rank_metrics: Mapping[str, Mapping[str, Decimal]] = field(default_factory=dict)
    rank_positions: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    standings: Mapping[str, Standing] = field(default_factory=dict)


class Explains(Protocol):
    """Produces a node's explanation lines on demand (see compute/explainer.py)."""

    def lines_for(self, path: str) -> tuple[Line, ...]: ...


@dataclass(frozen=True, slots=True)
class NodeResult:
    """One node's exact (unrounded) score for one unit, with the lines that explain it.

    Leaves scored on the quick path carry an ``explainer`` instead of lines: the lines are
    worked out only when someone reads them, because most results are never read line by line.
    """

    path: str
    score: Decimal
    own_lines: tuple[Line, ...] = ()
    applies: bool = True
    explainer: Explains | None = None

    @property
    def lines(self) -> tuple[Line, ...]:
        if self.explainer is not None:
            return self.explainer.lines_for(self.path)
        return self.own_lines

    @property
    def explanation(self) -> list[str]:
        return [str(line) for line in self.lines]


class NodeTable(Mapping[str, NodeResult]):
    """Every node's result for one unit, in tree order, made on access from flat tables.

    Scoring keeps plain scores and lines per path; most results are never read one by one, so
    building a NodeResult for each of a province's hundreds of thousands of items is left to
    the reader.
    """

    __slots__ = (
        "absent",
        "defaults",
        "explainer",
        "groups",
        "lines",
        "recorded",
        "scores",
        "unscaled",
    )

    def __init__(
        self,
        scores: dict[str, Decimal],
        lines: dict[str, tuple[Line, ...]],
        recorded: Mapping[str, Decimal],
        absent: frozenset[str],
        defaults: Mapping[str, tuple[Line, ...]],
        explainer: Explains | None,
        groups: Mapping[str, Node],
        unscaled: Mapping[str, Decimal] | None = None,
    ) -> None:
        self.scores = scores
        self.lines = lines
        self.recorded = recorded
        self.absent = absent
        self.defaults = defaults
        self.explainer = explainer
        self.groups = groups
        self.unscaled = unscaled or {}

    def __getitem__(self, path: str) -> NodeResult:
        score = self.scores[path]
        applies = path not in self.absent
        lines = self.lines.get(path)
        if lines is None:
            if self.explainer is not None and path in self.recorded:
                return NodeResult(path, score, (), applies, self.explainer)
            if path in self.groups:
                lines = (group_line(self.groups[path], self.scores),)
            else:
                lines = self.defaults.get(path, ())
        return NodeResult(path, score, lines, applies)

    def __iter__(self) -> Iterator[str]:
        return iter(self.scores)

    def __len__(self) -> int:
        return len(self.scores)

    def own_score(self, path: str) -> Decimal:
        """The item's score on its own points, before a sibling's moved points rescaled it."""
        return self.unscaled.get(path, self.scores[path])

    def lines_of(self, path: str) -> tuple[Line, ...]:
        return self[path].lines


@dataclass(frozen=True)
class VetoEffect:
    """一票否决 applied to a unit: which rule, what consequence, explained."""

    rule: str
    consequence: str
    grade: str
    line: Line

    @property
    def explanation(self) -> str:
        return str(self.line)


@dataclass
class UnitResult:
    """One unit's result. ``total`` is rounded once to the scheme's decimals; the rest is exact."""

    unit: str
    categories: tuple[str, ...]
    nodes: Mapping[str, NodeResult]
    sections: dict[str, Decimal]
    formula_total: Decimal
    total: Decimal
    total_lines: list[Line] = field(default_factory=list)
    grade: str | None = None
    rank: int | None = None
    vetoes: list[VetoEffect] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # The grade from the bands and vetoes, before the quota; ranking again starts from it.
    band_grade: str | None = None
    quota_line: Line | None = None

    @property
    def explanation(self) -> list[str]:
        lines = [*self.total_lines, self.quota_line] if self.quota_line else self.total_lines
        return [str(line) for line in lines]

    def vetoed(self, consequence: str) -> bool:
        return any(veto.consequence == consequence for veto in self.vetoes)

    @property
    def excellence_eligible(self) -> bool:
        """False once a veto removed excellence (取消评优资格) or the whole assessment."""
        return not (self.vetoed("no_excellence") or self.vetoed("disqualify"))

    def to_dict(self, scheme: Scheme) -> dict[str, Any]:
        return {**self.summary_dict(scheme), "nodes": self.node_dicts(scheme)}

    def summary_dict(self, scheme: Scheme) -> dict[str, Any]:
        """``to_dict`` without the node tree: what a ranking shows of the unit."""
        places = scheme.decimals
        return {
            "unit": self.unit,
            "categories": list(self.categories),
            "total": str(self.total),
            "formula_total": str(round_half_up(self.formula_total, places)),
            "rank": self.rank,
            "grade": self.grade,
            "excellence_eligible": self.excellence_eligible,
            "sections": {
                name: str(round_half_up(value, places)) for name, value in self.sections.items()
            },
            "explanation": self.explanation,
            "vetoes": [
                {
                    "rule": veto.rule,
                    "consequence": veto.consequence,
                    "explanation": veto.explanation,
                }
                for veto in self.vetoes
            ],
            "warnings": list(self.warnings),
        }

    def node_dicts(self, scheme: Scheme) -> list[dict[str, Any]]:
        return [self.node_dict(scheme, result) for result in self.nodes.values()]

    def node_dict(self, scheme: Scheme, result: NodeResult) -> dict[str, Any]:
        node = scheme.nodes[result.path]
        return {
            "path": result.path,
            "code": node.code,
            "name": node.name,
            "kind": node.kind,
            "points": None if node.points is None else str(node.points),
            "score": str(round_half_up(result.score, scheme.decimals)),
            "applies": result.applies,
            "explanation": result.explanation,
        }


@dataclass
class CycleResult:
    """Every unit's result, in rank order, plus the cross-unit context for recomputing one unit."""

    scheme: Scheme
    units: dict[str, UnitResult]
    context: CycleContext

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: Decimals as strings; the schema is documented in docs/scoring.md."""
        return {
            **self.header_dict(),
            "units": [result.to_dict(self.scheme) for result in self.units.values()],
        }

    def summary_dict(self) -> dict[str, Any]:
        """``to_dict`` without the units' node trees (kept apart, one unit at a time)."""
        return {
            **self.header_dict(),
            "units": [result.summary_dict(self.scheme) for result in self.units.values()],
        }

    def header_dict(self) -> dict[str, Any]:
        return {
            "format": RESULT_FORMAT,
            "scheme": {"id": self.scheme.id, "name": self.scheme.name},
            "decimals": self.scheme.decimals,
        }
