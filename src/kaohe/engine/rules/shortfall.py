"""每减少1万平方米扣1分 / 及时率每下降1个百分点扣0.1分: amount per step short of a target."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.numbers import ZERO
from kaohe.engine.rules.base import (
    Contribution,
    Line,
    QuickTotal,
    RuleKind,
    RuleOutcome,
    UnitView,
    verb,
)
from kaohe.engine.rules.registry import register
from kaohe.engine.rules.scaling import PARTIAL_WORDS, read_step, stepper, steps


@dataclass(frozen=True)
class Gap:
    target: Decimal
    step: Decimal
    amount: Decimal
    partial: str
    unit: str


def read_gap(settings: Settings) -> Gap:
    target = settings.required_decimal("target")
    step, partial = read_step(settings)
    amount = settings.required_decimal("amount")
    return Gap(target, step, amount, partial, settings.text("unit"))


def total_value(rule: Rule, records: Sequence[Record], outcome: RuleOutcome) -> Decimal | None:
    """The actual value: the sum of the records' 数值 (a quantity reported in parts adds up)."""
    values = [record.value for record in records if record.value is not None]
    if len(values) < len(records):
        outcome.problems.append(f"规则「{rule.title}」的记录需要填写「数值」")
    return sum(values, ZERO) if values else None


def quick_value(records: Sequence[Record]) -> Decimal | None:
    """The summed value of plain records that all carry one; None otherwise."""
    if not records:
        return None
    total = ZERO
    for record in records:
        if record.value is None:
            return None
        total += record.value
    return total


class GapKind(RuleKind):
    """Amount per step between the actual value and a target: short of it, or beyond it."""

    short = True
    """Whether the distance is the target less the actual value (else the reverse)."""

    def parse(self, settings: Settings) -> Gap:
        return read_gap(settings)

    def distance(self, gap: Gap, actual: Decimal) -> Decimal:
        return max(ZERO, gap.target - actual if self.short else actual - gap.target)

    def line(
        self, rule: Rule, gap: Gap, actual: Decimal, distance: Decimal, amount: Decimal
    ) -> Line:
        raise NotImplementedError

    def amount(self, gap: Gap, actual: Decimal) -> Decimal:
        return steps(self.distance(gap, actual), gap.step, gap.partial) * gap.amount

    def quick(self, rule: Rule, node: Node) -> QuickTotal:
        gap = rule.params
        assert isinstance(gap, Gap)
        short, target, each = self.short, gap.target, gap.amount
        count_steps, nothing = stepper(gap.step, gap.partial), ZERO * each

        def total(records: Sequence[Record]) -> Decimal | None:
            # self.amount(gap, actual) spelt out (distance, steps): this runs for every
            # unit with a record
            actual = quick_value(records)
            if actual is None:
                return None
            distance = target - actual if short else actual - target
            return count_steps(distance) * each if distance > ZERO else nothing

        return total

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        gap = rule.params
        assert isinstance(gap, Gap)
        outcome = RuleOutcome()
        actual = total_value(rule, records, outcome)
        if actual is None:
            return outcome
        amount = self.amount(gap, actual)
        line = self.line(rule, gap, actual, self.distance(gap, actual), amount)
        outcome.contributions.append(Contribution(amount, rule, line, records[0], ""))
        return outcome


@register
class ShortfallKind(GapKind):
    name = "shortfall"
    describe = "差额扣分"

    def unreported(self, rule: Rule) -> Line:
        gap = rule.params
        assert isinstance(gap, Gap)
        return Line(
            "{}：未填报实际完成数（目标 {}{}），未按差额扣分", (rule.title, gap.target, gap.unit)
        )

    def line(
        self, rule: Rule, gap: Gap, actual: Decimal, distance: Decimal, amount: Decimal
    ) -> Line:
        word, size = verb(amount)
        unit = gap.unit
        return Line(
            "{}：目标 {}{}，实际 {}{}，差 {}{}，每 {}{} {} {} 分（{}），{} {} 分",
            (
                rule.title,
                gap.target,
                unit,
                actual,
                unit,
                distance,
                unit,
                gap.step,
                unit,
                verb(gap.amount)[0],
                abs(gap.amount),
                PARTIAL_WORDS[gap.partial],
                word,
                size,
            ),
        )


@register
class ExceedKind(GapKind):
    name = "exceed"
    describe = "超额加分"
    short = False

    def line(
        self, rule: Rule, gap: Gap, actual: Decimal, distance: Decimal, amount: Decimal
    ) -> Line:
        word, size = verb(amount)
        unit = gap.unit
        return Line(
            "{}：目标 {}{}，实际 {}{}，超出 {}{}（{}），{} {} 分",
            (
                rule.title,
                gap.target,
                unit,
                actual,
                unit,
                distance,
                unit,
                PARTIAL_WORDS[gap.partial],
                word,
                size,
            ),
        )
