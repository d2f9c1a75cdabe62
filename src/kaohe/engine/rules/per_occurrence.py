"""每件扣1分 / 扣30分/次: count × amount, the amount optionally by level (到省/到市)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.numbers import ONE, ZERO
from kaohe.engine.rules.base import (
    Contribution,
    Line,
    QuickTotal,
    RuleKind,
    RuleOutcome,
    UnitView,
    count_of,
    verb,
    where,
)
from kaohe.engine.rules.registry import register


@dataclass(frozen=True)
class PerOccurrence:
    amount: Decimal | None
    levels: dict[str, Decimal]
    unit: str


def amount_for(params: PerOccurrence, record: Record, rule: Rule, outcome: RuleOutcome) -> Decimal:
    if record.level and params.levels:
        if record.level in params.levels:
            return params.levels[record.level]
        known = "、".join(params.levels)
        outcome.problems.append(
            f"{where(record)}：级别「{record.level}」不在规则「{rule.title}」的级别（{known}）中"
        )
        return Decimal(0)
    if params.amount is None:
        outcome.problems.append(
            f"{where(record)}：规则「{rule.title}」按级别计分，需要填写「级别」"
        )
        return Decimal(0)
    return params.amount


def counted_total(
    amount: Decimal | None, levels: dict[str, Decimal], records: Sequence[Record]
) -> Decimal | None:
    """Σ count × amount (by level) for plain records; None when any record needs the full path."""
    total = Decimal(0)
    for record in records:
        count = record.count
        if count is None:
            count = Decimal(1)
        elif count < 0:
            return None
        each = levels.get(record.level) if record.level and levels else amount
        if each is None:
            return None
        total += count * each
    return total


def counted_times(amount: Decimal, records: Sequence[Record]) -> Decimal | None:
    """Σ count × amount when the amount does not depend on the level: count first, multiply once.

    The rule comes first so that it can be bound positionally (``partial(counted_times, amount)``):
    a keyword bound by ``partial`` costs a dictionary on every call, and this runs for every
    unit and rule with records."""
    if len(records) == 1:  # the usual case: one record of the rule for the unit
        count = records[0].count
        if count is None:
            return amount
        return None if count < ZERO else count * amount
    times = ZERO
    for record in records:
        count = record.count
        if count is None:
            times += ONE
        elif count < ZERO:
            return None
        else:
            times += count
    return times * amount


@register
class PerOccurrenceKind(RuleKind):
    name = "per_occurrence"
    additive = True
    describe = "按次计分"

    def parse(self, settings: Settings) -> PerOccurrence:
        amount = settings.decimal("amount")
        levels = settings.amounts("levels")
        if amount is None and not levels:
            settings.problem("按次计分需要「amount」或「levels」")
        return PerOccurrence(amount, levels, settings.text("unit", "次"))

    def quick(self, rule: Rule, node: Node) -> QuickTotal | None:
        params = rule.params
        assert isinstance(params, PerOccurrence)
        amount, levels = params.amount, params.levels
        if amount is not None and not levels:
            return partial(counted_times, amount)
        return partial(counted_total, amount, levels)

    def record_levels(self, rule: Rule) -> tuple[str, ...]:
        params = rule.params
        assert isinstance(params, PerOccurrence)
        return tuple(params.levels)

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        params = rule.params
        assert isinstance(params, PerOccurrence)
        outcome = RuleOutcome()
        for record in records:
            count = count_of(record, outcome)
            each = amount_for(params, record, rule, outcome)
            amount = count * each
            word, size = verb(amount)
            level = f"（{record.level}）" if record.level else ""
            line = Line(
                "{}{}：{} {} × {} 分，{} {} 分",
                (rule.title, level, count, params.unit, abs(each), word, size),
            )
            outcome.contributions.append(Contribution(amount, rule, line, record, record.incident))
        return outcome
