"""扣1-5分 / 酌情扣分: the assessor picks an amount within the bounds and must give a reason."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.numbers import ZERO, show
from kaohe.engine.rules.base import Contribution, Line, RuleKind, RuleOutcome, UnitView, where
from kaohe.engine.rules.registry import register


@dataclass(frozen=True)
class Discretionary:
    least: Decimal
    most: Decimal
    sign: int


@register
class DiscretionaryKind(RuleKind):
    name = "discretionary"
    describe = "酌情计分"

    def parse(self, settings: Settings) -> Discretionary:
        least = settings.non_negative("min", ZERO) or ZERO
        most = settings.non_negative("max") or ZERO
        if not settings.has("max"):
            settings.problem("缺少「max」")
        if most < least:
            settings.problem(f"「max」{show(most)} 小于「min」{show(least)}")
        direction = settings.choice("direction", ("deduct", "add"), "deduct")
        return Discretionary(least, most, -1 if direction == "deduct" else 1)

    def value_bounds(self, rule: Rule) -> tuple[Decimal | None, Decimal | None]:
        params = rule.params
        assert isinstance(params, Discretionary)
        return (params.least, params.most)

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        params = rule.params
        assert isinstance(params, Discretionary)
        outcome = RuleOutcome()
        for record in records:
            chosen = self.chosen(rule, record, params, outcome)
            if chosen is None:
                continue
            amount = chosen * params.sign
            word = "扣" if params.sign < 0 else "加"
            line = Line("{}：{} {} 分（{}）", (rule.title, word, chosen, record.note))
            outcome.contributions.append(Contribution(amount, rule, line, record, record.incident))
        return outcome

    def chosen(
        self, rule: Rule, record: Record, params: Discretionary, outcome: RuleOutcome
    ) -> Decimal | None:
        if not record.note:
            outcome.problems.append(
                f"{where(record)}：规则「{rule.title}」酌情计分，必须在「说明」中写明理由"
            )
            return None
        if record.value is None:
            outcome.problems.append(
                f"{where(record)}：规则「{rule.title}」需要在「数值」中填写分值"
            )
            return None
        chosen = abs(record.value)
        if not params.least <= chosen <= params.most:
            bounds = f"{show(params.least)}–{show(params.most)}"
            outcome.problems.append(f"{where(record)}：分值 {show(chosen)} 不在 {bounds} 分之间")
            return None
        return chosen
