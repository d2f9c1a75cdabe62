"""每下降1个百分点加1分, 每上升扣1分: symmetric amounts per step around a baseline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.numbers import ZERO
from kaohe.engine.rules.base import Contribution, Line, RuleKind, RuleOutcome, UnitView, verb
from kaohe.engine.rules.registry import register
from kaohe.engine.rules.scaling import read_step, steps
from kaohe.engine.rules.shortfall import total_value


@dataclass(frozen=True)
class Baseline:
    baseline: Decimal
    step: Decimal
    below: Decimal
    above: Decimal
    partial: str
    unit: str


@register
class BaselineKind(RuleKind):
    name = "baseline"
    describe = "基准上下浮动"

    def parse(self, settings: Settings) -> Baseline:
        baseline = settings.required_decimal("baseline")
        step, partial = read_step(settings)
        below = settings.decimal("below", ZERO) or ZERO
        above = settings.decimal("above", ZERO) or ZERO
        return Baseline(baseline, step, below, above, partial, settings.text("unit"))

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        params = rule.params
        assert isinstance(params, Baseline)
        outcome = RuleOutcome()
        actual = total_value(rule, records, outcome)
        if actual is None:
            return outcome
        under = steps(params.baseline - actual, params.step, params.partial)
        over = steps(actual - params.baseline, params.step, params.partial)
        amount = under * params.below + over * params.above
        direction = "低于" if actual < params.baseline else "高于"
        word, size = verb(amount)
        line = Line(
            "{}：基准 {}{}，实际 {}{}（{}基准 {} 档），{} {} 分",
            (
                rule.title,
                params.baseline,
                params.unit,
                actual,
                params.unit,
                direction,
                under + over,
                word,
                size,
            ),
        )
        outcome.contributions.append(Contribution(amount, rule, line, records[0], ""))
        return outcome
