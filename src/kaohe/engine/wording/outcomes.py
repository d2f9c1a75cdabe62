"""Rules with an outcome beyond points: zero on an event, vetoes, rank-based amounts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kaohe.engine.rules.veto import VETO_CONSEQUENCES
from kaohe.engine.wording.registry import wording
from kaohe.engine.wording.words import amount_words, number

RANK_METRICS = {"value": "录入数值", "total": "总分"}
RANK_ORDERS = {"desc": "从高到低", "asc": "从低到高"}


@wording("zero_on_event")
def zero_on_event(rule: Mapping[str, Any]) -> str:
    return "发生即本项不得分"


@wording("veto")
def veto(rule: Mapping[str, Any]) -> str:
    consequence = str(rule.get("consequence", "zero"))
    outcome = VETO_CONSEQUENCES.get(consequence, consequence)
    if consequence == "grade_cap":
        outcome = f"等次最高为「{rule.get('grade', '')}」"
    threshold = rule.get("threshold")
    when = f"数值达到{number(threshold)}及以上的，" if threshold is not None else "发生即"
    return f"{when}一票否决：{outcome}"


@wording("rank")
def rank(rule: Mapping[str, Any]) -> str:
    metric = str(rule.get("metric", "value"))
    basis = RANK_METRICS.get(metric, f"「{metric}」的得分")
    order = RANK_ORDERS.get(str(rule.get("order", "desc")), "")
    place = "倒数第" if rule.get("from") == "bottom" else "第"
    amounts = "、".join(
        f"{place}{position}名{amount_words(amount)}"
        for position, amount in enumerate(rule["sequence"], start=1)
    )
    return f"按{basis}{order}排名，{amounts}，并列的名次相同"
