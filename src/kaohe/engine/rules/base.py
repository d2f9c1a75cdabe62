"""What every rule kind is: a parser for its settings and a function from records to effects.

A kind never sees other units: cross-unit kinds (rank) receive their position from the
cycle context. Amounts are signed: negative deducts, positive adds.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar, Literal, NamedTuple

from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.facts import EvaluationScore, Record, Unit
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.numbers import show

Role = Literal["delta", "value", "zero", "veto", "cross"]


class Line(NamedTuple):
    """One line of explanation, formatted only when someone reads it (results can be large)."""

    template: str
    args: tuple[object, ...] = ()

    def __str__(self) -> str:
        shown = [show(arg) if isinstance(arg, Decimal) else arg for arg in self.args]
        return self.template.format(*shown)


def verb(amount: Decimal) -> tuple[str, Decimal]:
    """扣 or 加 with the magnitude, for writing a signed amount in words (−0 is 扣 0)."""
    return ("扣", -amount) if amount.is_signed() else ("加", amount)


@dataclass(frozen=True, slots=True)
class Contribution:
    """A signed amount one record (or one rule) adds to an item, with why."""

    amount: Decimal
    rule: Rule
    line: Line
    record: Record | None = None
    incident: str = ""


@dataclass
class VetoHit:
    """一票否决 triggered for a unit: the consequence and the record that triggered it."""

    rule: Rule
    consequence: str
    grade: str
    line: Line


@dataclass
class RuleOutcome:
    """What one rule did for one unit on one item."""

    contributions: list[Contribution] = field(default_factory=list)
    value: Decimal | None = None
    value_line: Line | None = None
    zero: Line | None = None
    vetoes: list[VetoHit] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class UnitView:
    """What a rule may look at: the unit, its records by rule id, its evaluations by item path."""

    unit: Unit
    records_by_rule: Mapping[str, Sequence[Record]]
    evaluations_by_path: Mapping[str, Sequence[EvaluationScore]]
    periods: tuple[str, ...]
    rank_position: Mapping[str, int] = field(default_factory=dict)
    # Rule ids with a record under an incident or with shared credit (they need the full path).
    special: frozenset[str] = frozenset()
    as_of: datetime.date | None = None  # a running cycle's day (Facts.as_of)


class RuleKind:
    """Base of every rule kind; subclasses set ``name`` and ``role`` and override the methods."""

    name: ClassVar[str]
    role: ClassVar[Role] = "delta"
    describe: ClassVar[str] = ""
    # Most kinds do nothing without records; frequency minimums and value kinds must still run
    # (no record in a month is itself a shortfall; an unset value must be reported).
    always: ClassVar[bool] = False
    # A kind whose total is always the sum of what each record alone would give (per
    # occurrence, lateness): 就高 can then take the amounts record by record from the quick total.
    additive: ClassVar[bool] = False

    def parse(self, settings: Settings) -> object:
        """The kind's typed parameters, read from ``settings`` (problems go into it)."""
        return None

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        raise NotImplementedError

    def record_levels(self, rule: Rule) -> tuple[str, ...]:
        """The 级别 a record of the rule may name (levels, tasks, colours, evaluator groups);
        empty when the kind reads no level."""
        return ()

    def unreported(self, rule: Rule) -> Line | None:
        """What an item's explanation says when the unit has no record for the rule and the
        rule therefore did nothing: a target nobody reported must not read as met (None:
        nothing to say — a deduction nobody recorded is simply none)."""
        return None

    def value_bounds(self, rule: Rule) -> tuple[Decimal | None, Decimal | None]:
        """The least and the most 数值 a record of the rule may carry (None: no bound)."""
        return (None, None)

    def quick_total(self, rule: Rule, node: Node, records: Sequence[Record]) -> Decimal | None:
        """The rule's signed total without explanation lines, or None to take the full path.

        Called without shared credit or a category multiplier (the caller sees to both, and to
        就高 across incidents). Must equal the sum of ``apply``'s contributions; return None for
        anything unusual (a problem to report) so that ``apply`` deals with it. A kind may give
        ``quick`` instead, a total bound to one rule once per scheme.
        """
        return None

    def quick(self, rule: Rule, node: Node) -> QuickTotal | None:
        """``quick_total`` bound to one rule, or None when the kind has no quick path."""
        if type(self).quick_total is RuleKind.quick_total:
            return None
        return lambda records: self.quick_total(rule, node, records)


QuickTotal = Callable[[Sequence[Record]], Decimal | None]


def where(record: Record) -> str:
    """How to point a person at a record in a problem: its source row, or its unit."""
    return record.source or f"单位「{record.unit}」的记录"


def count_of(record: Record, outcome: RuleOutcome) -> Decimal:
    """The record's 次数 (default 1); a negative count is a problem."""
    if record.count is None:
        return Decimal(1)
    if record.count < 0:
        outcome.problems.append(f"{where(record)}：次数不能为负数（{show(record.count)}）")
        return Decimal(0)
    return record.count


def value_of(record: Record, rule: Rule, outcome: RuleOutcome) -> Decimal | None:
    if record.value is None:
        outcome.problems.append(f"{where(record)}：规则「{rule.title}」需要填写「数值」")
    return record.value
