"""A record checked against its rule and its cycle before anyone saves it.

Each problem names the field it is about, so that the grid can say 「次数」 and an import can
say 第 5 行「次数」列. The rule decides what its records may carry (``RuleKind.record_levels``,
``RuleKind.value_bounds``); the bounds below catch what no rule could mean (a count of 99,999,999).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import NamedTuple

from kaohe.engine.model.facts import RECORD_FIELDS, EvaluationScore, Record
from kaohe.engine.model.scheme import Rule, Scheme
from kaohe.engine.numbers import ZERO, show
from kaohe.engine.rules.registry import kinds

# Larger than any count or quantity an assessment counts (人次, 件, 平方米, 元 in 万元); a number
# beyond them is a slip of the keyboard, and would swamp every score it touched.
LARGEST_COUNT = Decimal(100_000)
LARGEST_VALUE = Decimal(10_000_000)
LABELS = {field.name: field.label for field in RECORD_FIELDS}
CARRIED = ("count", "value", "level", "incident", "date", "period", "share", "note")


class FieldProblem(NamedTuple):
    """What is wrong, and with which field (a RecordField name; "" for the whole record)."""

    field: str
    text: str

    def __str__(self) -> str:
        return f"「{LABELS[self.field]}」{self.text}" if self.field else self.text


def record_problems(
    scheme: Scheme, record: Record, period: tuple[datetime.date, datetime.date] | None = None
) -> list[FieldProblem]:
    """Everything wrong with ``record`` (of a rule of ``scheme``) in a cycle over ``period``."""
    rule = scheme.rules.get(record.rule)
    if rule is None:
        return [FieldProblem("rule", f"方案中没有规则「{record.rule}」")]
    if is_blank(record):
        labels = "、".join(LABELS[name] for name in ("count", "value", "level", "note"))
        return [FieldProblem("", f"这是一条空记录：{labels}等至少填写一项")]
    return [
        *amount_problems("count", record.count, LARGEST_COUNT),
        *amount_problems("share", record.share, LARGEST_COUNT),
        *value_problems(record.value, rule),
        *level_problems(record.level, rule),
        *date_problems(record.date, period),
    ]


def is_blank(record: Record) -> bool:
    return all(getattr(record, name) in (None, "") for name in CARRIED)


def amount_problems(field: str, amount: Decimal | None, largest: Decimal) -> list[FieldProblem]:
    """A count or a share: never negative, never beyond reason (a share of 0 splits nothing)."""
    if amount is None:
        return []
    if amount < 0 or (field == "share" and amount == 0):
        return [FieldProblem(field, f"不能为负数或零（填写的是 {show(amount)}）")]
    if amount > largest:
        return [FieldProblem(field, f"{show(amount)} 超出合理范围（最多 {show(largest)}）")]
    return []


def value_problems(value: Decimal | None, rule: Rule) -> list[FieldProblem]:
    if value is None:
        return []
    if abs(value) > LARGEST_VALUE:
        return [FieldProblem("value", f"{show(value)} 超出合理范围（最多 {show(LARGEST_VALUE)}）")]
    least, most = kinds()[rule.kind].value_bounds(rule)
    if (least is not None and value < least) or (most is not None and value > most):
        bounds = f"{show(least or ZERO)}～{show(most) if most is not None else ''}"
        text = f"应在 {bounds} 之间（规则「{rule.title}」），填写的是 {show(value)}"
        return [FieldProblem("value", text)]
    return []


def level_problems(level: str, rule: Rule) -> list[FieldProblem]:
    known = kinds()[rule.kind].record_levels(rule)
    if not level or not known or level in known:
        return []
    return [
        FieldProblem("level", f"「{level}」不在规则「{rule.title}」的级别（{'、'.join(known)}）中")
    ]


def date_problems(
    date: datetime.date | None, period: tuple[datetime.date, datetime.date] | None
) -> list[FieldProblem]:
    if date is None or period is None or period[0] <= date <= period[1]:
        return []
    first, last = (day.isoformat() for day in period)
    return [FieldProblem("date", f"{date.isoformat()} 不在考核周期（{first}～{last}）内")]


def evaluation_score_problems(scheme: Scheme, score: EvaluationScore) -> list[str]:
    """An evaluator group's score as typed, before anyone saves it: on an evaluation item of
    ``scheme``, from one of its groups and rounds, a number within the rule's scale (0–100 unless
    the scheme sets another). Each problem names the field (测评得分, 评议组, 轮次)."""
    rule = evaluation_rule(scheme, score.indicator)
    if rule is None:
        return [f"「{score.indicator}」不是方案中的测评类指标"]
    groups = kinds()[rule.kind].record_levels(rule)
    rounds = tuple(getattr(rule.params, "rounds", ()))
    problems = []
    if score.group not in groups:
        problems.append(f"评议组「{score.group}」不在（{'、'.join(groups)}）中")
    if len(rounds) > 1 and score.round not in rounds:
        problems.append(f"轮次「{score.round}」不在（{'、'.join(rounds)}）中")
    return problems + score_range_problems(score.score, rule)


def evaluation_rule(scheme: Scheme, indicator: str) -> Rule | None:
    node = scheme.find_node(indicator)
    rules = node.rules if node is not None else ()
    return next((rule for rule in rules if rule.kind == "evaluation"), None)


def score_range_problems(score: Decimal, rule: Rule) -> list[str]:
    least, most = kinds()[rule.kind].value_bounds(rule)
    low, high = show(least or ZERO), show(most) if most is not None else ""
    if not score.is_finite():
        return [f"测评得分应为 {low} 到 {high} 之间的数字（填写的是 {score}）"]
    if (least is not None and score < least) or (most is not None and score > most):
        shown = show(score) if abs(score) <= LARGEST_VALUE else f"{score:.1e}"
        return [f"测评得分应在 {low} 到 {high} 之间（填写的是 {shown}）"]
    return []
