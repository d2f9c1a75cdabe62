"""按完成比例得分: the item's value is its points times the completed share of the target."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.numbers import ZERO
from kaohe.engine.rules.base import Line, RuleKind, RuleOutcome, UnitView
from kaohe.engine.rules.registry import register
from kaohe.engine.rules.shortfall import total_value


@dataclass(frozen=True)
class Proportional:
    target: Decimal
    unit: str


@register
class ProportionalKind(RuleKind):
    name = "proportional"
    role = "value"
    always = True
    describe = "按完成比例得分"

    def parse(self, settings: Settings) -> Proportional:
        target = settings.required_decimal("target")
        if target <= 0:
            settings.problem("「target」必须大于 0")
            target = Decimal(1)
        return Proportional(target, settings.text("unit"))

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        params = rule.params
        assert isinstance(params, Proportional)
        outcome = RuleOutcome()
        actual = total_value(rule, records, outcome) if records else None
        points = node.points or ZERO
        if actual is None:
            outcome.value = ZERO
            outcome.value_line = Line("{}：未录入完成数，按 0 分计", (rule.title,))
            outcome.warnings.append(f"「{node.path}」未录入完成数，按 0 分计")
            return outcome
        done = min(max(actual, ZERO), params.target)
        share = done / params.target
        outcome.value = points * done / params.target  # divided last: 3 分 × 1/3 is 1 exactly
        outcome.value_line = Line(
            "{}：完成 {}{} / 目标 {}{}，{} 分 × {} = {} 分",
            (
                rule.title,
                actual,
                params.unit,
                params.target,
                params.unit,
                points,
                share,
                outcome.value,
            ),
        )
        return outcome
