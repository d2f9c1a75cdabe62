"""每月不少于8篇, 全年不少于两次, 每少一次扣0.5分: a minimum count in every period of the cycle."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.numbers import ZERO
from kaohe.engine.periods import (
    PERIOD_WORDS,
    PERIODS,
    WHOLE_CYCLE,
    cycle_periods,
    period_of,
)
from kaohe.engine.rules.base import (
    Contribution,
    Line,
    RuleKind,
    RuleOutcome,
    UnitView,
    count_of,
    verb,
    where,
)
from kaohe.engine.rules.registry import register


@dataclass(frozen=True)
class Frequency:
    minimum: Decimal
    per: str
    amount: Decimal
    unit: str


@register
class FrequencyKind(RuleKind):
    name = "frequency"
    always = True
    describe = "频次不足扣分"

    def parse(self, settings: Settings) -> Frequency:
        minimum = settings.non_negative("minimum") or ZERO
        if not settings.has("minimum"):
            settings.problem("缺少「minimum」")
        per = settings.choice("per", PERIODS, "year")
        return Frequency(
            minimum, per, settings.required_decimal("amount"), settings.text("unit", "次")
        )

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        params = rule.params
        assert isinstance(params, Frequency)
        outcome = RuleOutcome()
        if not view.periods and params.per != "year":
            word = PERIOD_WORDS[params.per]
            outcome.problems.append(
                f"规则「{rule.title}」按{word}统计，需要在事实文件中给出考核周期的月份"
            )
            return outcome
        periods = cycle_periods(view.periods, params.per)
        counts = dict.fromkeys(periods, ZERO)
        for record in records:
            key = period_of(record, params.per) if view.periods else WHOLE_CYCLE
            if key not in counts:
                outcome.problems.append(
                    f"{where(record)}：期间「{key or '（空）'}」不在本考核周期内"
                )
                continue
            counts[key] += count_of(record, outcome)
        for key, count in counts.items():
            missing = max(ZERO, params.minimum - count)
            if missing:
                amount = missing * params.amount
                word, size = verb(amount)
                line = Line(
                    "{}：{} {} {} {}，应不少于 {} {}，少 {} {}，{} {} 分",
                    (
                        rule.title,
                        key,
                        PERIOD_WORDS[params.per],
                        count,
                        params.unit,
                        params.minimum,
                        params.unit,
                        missing,
                        params.unit,
                        word,
                        size,
                    ),
                )
                outcome.contributions.append(Contribution(amount, rule, line))
        return outcome
