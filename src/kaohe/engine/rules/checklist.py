"""每未完成1项扣1分: one record per named task left undone; each task counts once."""

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
class Checklist:
    tasks: tuple[str, ...]
    amount: Decimal


@register
class ChecklistKind(RuleKind):
    name = "checklist"
    describe = "任务清单"

    def parse(self, settings: Settings) -> Checklist:
        tasks = settings.texts("tasks")
        if not tasks:
            settings.problem("任务清单需要「tasks」")
        return Checklist(tasks, settings.required_decimal("amount"))

    def record_levels(self, rule: Rule) -> tuple[str, ...]:
        params = rule.params
        assert isinstance(params, Checklist)
        return params.tasks

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        params = rule.params
        assert isinstance(params, Checklist)
        outcome = RuleOutcome()
        # A task recorded twice counts once; the record under an incident (if any) speaks for
        # it, so that the order of the records never decides what 就高 compares.
        chosen: dict[str, Record] = {}
        for record in sorted(records, key=lambda item: (item.incident == "", item.incident)):
            task = record.level
            if task not in params.tasks:
                outcome.problems.append(
                    f"{where(record)}：「{task}」不是规则「{rule.title}」的任务"
                )
            else:
                chosen.setdefault(task, record)
        for task in sorted(chosen, key=params.tasks.index):
            record = chosen[task]
            word, size = verb(params.amount)
            line = Line("{}：任务「{}」未完成，{} {} 分", (rule.title, task, word, size))
            outcome.contributions.append(
                Contribution(params.amount, rule, line, record, record.incident)
            )
        return outcome
