"""人工评定: an assessor sets the item's value directly."""

from __future__ import annotations

from collections.abc import Sequence

from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.numbers import ZERO
from kaohe.engine.rules.base import Line, RuleKind, RuleOutcome, UnitView
from kaohe.engine.rules.registry import register
from kaohe.engine.rules.shortfall import total_value


@register
class ManualKind(RuleKind):
    name = "manual"
    role = "value"
    always = True
    describe = "人工评定"

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        outcome = RuleOutcome()
        value = total_value(rule, records, outcome) if records else None
        if value is None:
            outcome.value = ZERO
            outcome.value_line = Line("{}：未评定，按 0 分计", (rule.title,))
            outcome.warnings.append(f"「{node.path}」未评定，按 0 分计")
            return outcome
        note = next((f"（{record.note}）" for record in records if record.note), "")
        outcome.value = value
        outcome.value_line = Line("{}：评定 {} 分{}", (rule.title, value, note))
        return outcome
