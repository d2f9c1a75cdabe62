"""该项不得分 / 不计分: any record for this rule sets the item to 0."""

from __future__ import annotations

from collections.abc import Sequence

from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.rules.base import Line, RuleKind, RuleOutcome, UnitView
from kaohe.engine.rules.registry import register


@register
class ZeroOnEventKind(RuleKind):
    name = "zero_on_event"
    role = "zero"
    describe = "发生即不得分"

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        reason = next((record.note for record in records if record.note), "")
        detail = f"（{reason}）" if reason else ""
        return RuleOutcome(zero=Line("{}{}：本项不得分", (rule.title, detail)))
