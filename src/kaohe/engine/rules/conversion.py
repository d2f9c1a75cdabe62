"""折算: the item takes an external assessment's score, scaled onto its own points."""

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
class Conversion:
    scale: Decimal


@register
class ConversionKind(RuleKind):
    name = "conversion"
    role = "value"
    always = True
    describe = "折算"

    def parse(self, settings: Settings) -> Conversion:
        scale = settings.decimal("scale", Decimal(100)) or Decimal(100)
        if scale <= 0:
            settings.problem("「scale」必须大于 0")
            scale = Decimal(100)
        return Conversion(scale)

    def value_bounds(self, rule: Rule) -> tuple[Decimal | None, Decimal | None]:
        params = rule.params
        assert isinstance(params, Conversion)
        return (ZERO, params.scale)

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        params = rule.params
        assert isinstance(params, Conversion)
        outcome = RuleOutcome()
        external = total_value(rule, records, outcome) if records else None
        points = node.points or ZERO
        if external is None:
            outcome.value = ZERO
            outcome.value_line = Line("{}：未录入折算依据的得分，按 0 分计", (rule.title,))
            outcome.warnings.append(f"「{node.path}」未录入折算依据的得分，按 0 分计")
            return outcome
        if node.kind == "penalty":
            # 倒扣分 N 按…考核折算: the points lost there, scaled onto the allowance.
            outcome.value = (external - params.scale) * points / params.scale
            template = "{}：原始得分 {}，(原始得分 − {}) ÷ {} × {} 分 = {} 分"
            args: tuple[object, ...] = (rule.title, external, params.scale, params.scale, points)
        else:
            outcome.value = external * points / params.scale  # divided last, as by hand
            template = "{}：原始得分 {} ÷ {} × {} 分 = {} 分"
            args = (rule.title, external, params.scale, points)
        outcome.value_line = Line(template, (*args, outcome.value))
        return outcome
