"""再扣5分 / 追加扣分: an extra amount, only where the rule it escalates also has records."""

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
    count_of,
    verb,
)
from kaohe.engine.rules.registry import register


@dataclass(frozen=True)
class Escalation:
    amount: Decimal
    after: str


@register
class EscalationKind(RuleKind):
    name = "escalation"
    describe = "追加扣分"

    def parse(self, settings: Settings) -> Escalation:
        amount = settings.required_decimal("amount")
        after = settings.text("after")
        if not after:
            settings.problem("追加扣分需要「after」（被追加的规则 id）")
        return Escalation(amount, after)

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        params = rule.params
        assert isinstance(params, Escalation)
        outcome = RuleOutcome()
        followed = followed_title(params.after, node)
        if not view.records_by_rule.get(params.after):
            outcome.warnings.append(f"「{rule.title}」：未见规则「{followed}」的记录，不追加")
            return outcome
        for record in records:
            count = count_of(record, outcome)
            amount = count * params.amount
            word, size = verb(amount)
            line = Line("{}：在「{}」基础上追加，{} {} 分", (rule.title, followed, word, size))
            outcome.contributions.append(Contribution(amount, rule, line, record, record.incident))
        return outcome


def followed_title(after: str, node: Node) -> str:
    """How explanations name the escalated rule: its title when it sits on the same item (as
    再扣 usually does), else its id."""
    return next((other.title for other in node.rules if other.id == after), after)
