"""每月不少于8篇, 全年不少于两次, 每少一次扣0.5分: a minimum count in every period of the cycle."""

from __future__ import annotations

import datetime
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
    period_days,
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
        for key, count in counts_by_period(params, records, view.periods, outcome).items():
            found = period_shortfall(rule, params, key, count, view.as_of)
            if found is not None:
                outcome.contributions.append(found)
        return outcome


def period_shortfall(
    rule: Rule, params: Frequency, key: str, count: Decimal, as_of: datetime.date | None
) -> Contribution | None:
    """One period's deduction; a period still running deducts nothing yet and says so."""
    missing = max(ZERO, params.minimum - count)
    if not missing:
        return None
    if not_over(key, as_of):
        if not begun(key, as_of):
            return None
        return Contribution(ZERO, rule, running_line(rule, params, key, count, as_of))
    amount = missing * params.amount
    words = shortfall_words(params, count, missing, amount)
    line = Line("{}：{} {} {}", (rule.title, key, PERIOD_WORDS[params.per], words))
    return Contribution(amount, rule, line)


def counts_by_period(
    params: Frequency, records: Sequence[Record], months: tuple[str, ...], outcome: RuleOutcome
) -> dict[str, Decimal]:
    """How many times each of the cycle's periods saw the event (0 for a period without records)."""
    counts = dict.fromkeys(cycle_periods(months, params.per), ZERO)
    for record in records:
        key = period_of(record, params.per) if months else WHOLE_CYCLE
        if key in counts:
            counts[key] += count_of(record, outcome)
        else:
            outcome.problems.append(f"{where(record)}：期间「{key or '（空）'}」不在本考核周期内")
    return counts


def shortfall_words(params: Frequency, count: Decimal, missing: Decimal, amount: Decimal) -> Line:
    word, size = verb(amount)
    unit = params.unit
    return Line(
        "{} {}，应不少于 {} {}，少 {} {}，{} {} 分",
        (count, unit, params.minimum, unit, missing, unit, word, size),
    )


def not_over(key: str, as_of: datetime.date | None) -> bool:
    """Whether a cycle still running on ``as_of`` has not finished this period (its last day
    is ``as_of`` or later): the unit may still reach the minimum, so nothing is deducted."""
    return as_of is not None and key != WHOLE_CYCLE and period_days(key)[1] >= as_of


def begun(key: str, as_of: datetime.date | None) -> bool:
    return as_of is not None and period_days(key)[0] <= as_of


def running_line(
    rule: Rule, params: Frequency, key: str, count: Decimal, as_of: datetime.date | None
) -> Line:
    """The period in progress, said plainly: short so far, not deducted yet."""
    unit = params.unit
    return Line(
        "{}：{} {}尚未结束（计至 {}），已 {} {}，应不少于 {} {}，暂不扣分",
        (rule.title, key, PERIOD_WORDS[params.per], as_of, count, unit, params.minimum, unit),
    )
