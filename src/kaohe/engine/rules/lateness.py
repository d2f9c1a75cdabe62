"""材料迟报: an amount for every late period (每迟报一次扣0.5分)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.periods import PERIOD_WORDS, PERIODS
from kaohe.engine.rules.base import (
    Contribution,
    Line,
    RuleKind,
    RuleOutcome,
    UnitView,
    count_of,
    verb,
)
from kaohe.engine.rules.per_occurrence import counted_total
from kaohe.engine.rules.registry import register


@dataclass(frozen=True)
class Lateness:
    amount: Decimal
    per: str


@register
class LatenessKind(RuleKind):
    name = "lateness"
    describe = "迟报扣分"

    def parse(self, settings: Settings) -> Lateness:
        amount = settings.required_decimal("amount")
        return Lateness(amount, settings.choice("per", PERIODS, "month"))

    additive = True

    def quick_total(self, rule: Rule, node: Node, records: Sequence[Record]) -> Decimal | None:
        params = rule.params
        assert isinstance(params, Lateness)
        return counted_total(params.amount, {}, records)

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        params = rule.params
        assert isinstance(params, Lateness)
        outcome = RuleOutcome()
        for record in records:
            count = count_of(record, outcome)
            amount = count * params.amount
            word, size = verb(amount)
            when = f"（{record.period}）" if record.period else ""
            line = Line(
                "{}{}：迟报 {} 个{} × {} 分，{} {} 分",
                (rule.title, when, count, PERIOD_WORDS[params.per], abs(params.amount), word, size),
            )
            outcome.contributions.append(Contribution(amount, rule, line, record, record.incident))
        return outcome
