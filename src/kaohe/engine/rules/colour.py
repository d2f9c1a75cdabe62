"""红灯/黄灯/绿灯: a colour status mapped to points."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.rules.base import Contribution, Line, RuleKind, RuleOutcome, UnitView, verb, where
from kaohe.engine.rules.registry import register


@dataclass(frozen=True)
class Colour:
    map: dict[str, Decimal]


@register
class ColourKind(RuleKind):
    name = "colour"
    describe = "亮灯计分"

    def parse(self, settings: Settings) -> Colour:
        return Colour(settings.amounts("map", required=True))

    def record_levels(self, rule: Rule) -> tuple[str, ...]:
        params = rule.params
        assert isinstance(params, Colour)
        return tuple(params.map)

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        params = rule.params
        assert isinstance(params, Colour)
        outcome = RuleOutcome()
        for record in records:
            if record.level not in params.map:
                known = "、".join(params.map)
                outcome.problems.append(f"{where(record)}：「{record.level}」不在（{known}）中")
                continue
            amount = params.map[record.level]
            word, size = verb(amount)
            when = f"（{record.period}）" if record.period else ""
            line = Line("{}{}：{}，{} {} 分", (rule.title, when, record.level, word, size))
            outcome.contributions.append(Contribution(amount, rule, line, record, record.incident))
        return outcome
