"""本级1分/市级2分/省级3分: amounts by level, optionally only the highest level counting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.numbers import ZERO
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
from kaohe.engine.rules.per_occurrence import counted_total
from kaohe.engine.rules.registry import register


@dataclass(frozen=True)
class Tiered:
    levels: dict[str, Decimal]
    highest_only: bool


def highest_total(levels: dict[str, Decimal], records: Sequence[Record]) -> Decimal | None:
    """Only the highest level counts, once (a record with 次数 2 is two awards, and two records
    of that level count once too); None when a record needs the full path (an unknown level, a
    negative count)."""
    highest = ZERO
    for record in records:
        each = levels.get(record.level)
        count = record.count
        if each is None or (count is not None and count < ZERO):
            return None
        if count is not None and count < 1:
            each *= count
        if abs(each) > abs(highest):
            highest = each
    return highest


@register
class TieredKind(RuleKind):
    name = "tiered"
    describe = "按级别计分"

    def parse(self, settings: Settings) -> Tiered:
        levels = settings.amounts("levels", required=True)
        return Tiered(levels, settings.boolean("highest_only", True))

    def quick(self, rule: Rule, node: Node) -> QuickTotal:
        params = rule.params
        assert isinstance(params, Tiered)
        if not params.highest_only:
            return partial(counted_total, None, params.levels)
        return partial(highest_total, params.levels)

    def record_levels(self, rule: Rule) -> tuple[str, ...]:
        params = rule.params
        assert isinstance(params, Tiered)
        return tuple(params.levels)

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        params = rule.params
        assert isinstance(params, Tiered)
        outcome = RuleOutcome()
        scored: list[Contribution] = []
        for record in records:
            if record.level not in params.levels:
                known = "、".join(params.levels)
                outcome.problems.append(f"{where(record)}：级别「{record.level}」不在（{known}）中")
                continue
            count = count_of(record, outcome)
            if params.highest_only:
                count = min(count, Decimal(1))  # the highest level counts once
            amount = count * params.levels[record.level]
            word, size = verb(amount)
            line = Line("{}（{}）：{} {} 分", (rule.title, record.level, word, size))
            scored.append(Contribution(amount, rule, line, record, record.incident))
        if params.highest_only and scored:
            scored = [self.highest(scored, rule), *self.absorbed(scored, rule)]
        outcome.contributions.extend(scored)
        return outcome

    def highest(self, scored: list[Contribution], rule: Rule) -> Contribution:
        # Equal amounts: the one under an incident stands, whatever the order of the records.
        return max(scored, key=lambda item: (abs(item.amount), item.incident != "", item.incident))

    def absorbed(self, scored: list[Contribution], rule: Rule) -> list[Contribution]:
        top = self.highest(scored, rule)
        return [
            Contribution(
                Decimal(0),
                rule,
                Line(
                    "{}（{}）：仅按最高级别计分，不重复计分",
                    (rule.title, item.record.level if item.record else ""),
                ),
                item.record,
            )
            for item in scored
            if item is not top
        ]
