"""前5名依次加5至1分 / 倒数第1名扣1分: amounts by a unit's position among all units.

Positions come from the cycle context (see compute/context.py); ties share a position.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.rules.base import (
    Contribution,
    Line,
    RuleKind,
    RuleOutcome,
    UnitView,
    verb,
    where,
)
from kaohe.engine.rules.registry import register


@dataclass(frozen=True)
class Rank:
    metric: str
    descending: bool
    from_top: bool
    sequence: tuple[Decimal, ...]


@register
class RankKind(RuleKind):
    name = "rank"
    role = "cross"
    always = True
    describe = "按名次计分"

    def parse(self, settings: Settings) -> Rank:
        metric = settings.text("metric", "value")
        descending = settings.choice("order", ("desc", "asc"), "desc") == "desc"
        from_top = settings.choice("from", ("top", "bottom"), "top") == "top"
        sequence = settings.numbers("sequence")
        if not sequence and not settings.problems_about("sequence"):
            settings.problem("按名次计分需要「sequence」（第1名、第2名……的分值）")
        return Rank(metric, descending, from_top, sequence)

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        params = rule.params
        assert isinstance(params, Rank)
        outcome = RuleOutcome()
        if params.metric == "value":
            outcome.problems += [
                f"{where(record)}：规则「{rule.title}」按数值排名，需要填写「数值」"
                for record in records
                if record.value is None
            ]
        position = view.rank_position.get(rule.id)
        if position is None or position > len(params.sequence):
            return outcome
        amount = params.sequence[position - 1]
        word, size = verb(amount)
        place = f"第 {position} 名" if params.from_top else f"倒数第 {position} 名"
        line = Line("{}：{}，{} {} 分", (rule.title, place, word, size))
        outcome.contributions.append(Contribution(amount, rule, line))
        return outcome
