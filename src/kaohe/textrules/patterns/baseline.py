"""Amounts around a baseline, above a quota, and per late period.

「以上年度为基数，每下降1个百分点加1分，每上升1个百分点扣1分」 is symmetric around a baseline;
「超过目标任务的，每超1个百分点加0.1分」 rewards exceeding a target;
「每迟报1个月扣0.5分」 is lateness.
"""

from __future__ import annotations

import re

from kaohe.textrules.clauses import Sentence, clause_start
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.patterns.base import (
    ADD,
    AMOUNT,
    DEDUCT,
    GUESS,
    SURE,
    Finding,
    sentence_reader,
    signed,
)

_MEASURE = r"(?:个百分点|百分点|%|万元|元|人|户|件|个)"
_DOWN = re.compile(
    rf"每(?:下降|降低|减少)\s*(?P<step>{NUMBER})\s*(?P<unit>{_MEASURE})\s*,?\s*"
    rf"(?P<verb>{DEDUCT}|{ADD})\s*{AMOUNT}"
)
_UP = re.compile(
    rf"每(?:上升|提高|增加|升高)\s*(?P<step>{NUMBER})\s*(?P<unit>{_MEASURE})\s*,?\s*"
    rf"(?P<verb>{DEDUCT}|{ADD})\s*{AMOUNT}"
)
_BASE_VALUE = re.compile(
    rf"(?:以|基数为|基准为|基准值为)\s*(?P<value>{NUMBER})\s*%?\s*(?:为基数|为基准)?"
)
_EXCEED_MEASURE = rf"(?:万元|亿元|万人|万|亿|公顷|亩|{_MEASURE})"
# 「每超1000万再加0.1分」 exceeds by its verb; 「每增加1%加1分」 only after 大于目标值, 超额完成.
_EXCEED = re.compile(
    rf"每\s*(?:超过|超出|超|(?P<rise>增加|提高|多))\s*(?P<step>{NUMBER})\s*"
    rf"(?P<unit>{_EXCEED_MEASURE})[^,;\d]{{0,4}}?,?\s*(?:再|另)?(?P<verb>{ADD})\s*{AMOUNT}"
)
_TARGET = re.compile(rf"(?P<target>{NUMBER})\s*(?P<unit>{_EXCEED_MEASURE})")
_ABOVE_TARGET = re.compile(r"超过|超出|超额|大于|高于|多于")
# 「每推迟1个月到位的扣10分」: what is late (到位, 完成, 报送) may follow the period.
_LATE = re.compile(
    rf"每(?:逾期|迟报|延迟|推迟|滞后|晚报|延)\s*(?:一|1)\s*(?P<period>个月|个季度|天|日|周)\s*"
    rf"(?:(?:到位|完成|报送|上报|办结|提交)的?)?\s*,?\s*(?P<verb>{DEDUCT})\s*{AMOUNT}"
)
_PERIOD = {"个月": "month", "个季度": "quarter"}


def _unit_key(unit: str) -> str:
    return "百分点" if unit in ("个百分点", "百分点", "%") else unit


# 「新增重复信访率12%的,得基准分8分,在此基数上,每下降…」: the base is the rate written before.
_THIS_BASE = re.compile(r"在?此基[数准](?:上|之上|基础上)?")
_RATE_VALUE = re.compile(rf"(?P<value>{NUMBER})\s*%")


def _value_before_this_base(sentence: Sentence, first: int) -> re.Match[str] | None:
    this = _THIS_BASE.search(sentence.text, 0, first)
    if this is None:
        return None
    values = list(_RATE_VALUE.finditer(sentence.text, 0, this.start()))
    return values[0] if len(values) == 1 else None


@sentence_reader("基数上下", priority=60, needs="降减")
def read_baseline(sentence: Sentence) -> list[Finding]:
    down, up = _DOWN.search(sentence.text), _UP.search(sentence.text)
    if down is None or up is None:
        return []
    first = min(down.start(), up.start())
    base = _BASE_VALUE.search(sentence.text, 0, first) or _value_before_this_base(sentence, first)
    rule = {
        "kind": "baseline",
        "baseline": number(base.group("value")) if base else None,
        "step": number(down.group("step")),
        "below": signed(down.group("verb"), down.group("amount")),
        "above": signed(up.group("verb"), up.group("amount")),
    }
    # Without a stated base value (以上年度为基数) a person enters the number.
    sure = base is not None and number(up.group("step")) == rule["step"]
    return [Finding(rule, 0, max(down.end(), up.end()), SURE if sure else GUESS)]


@sentence_reader("超额加分", priority=70, needs="超增提多")
def read_exceed(sentence: Sentence) -> list[Finding]:
    match = _EXCEED.search(sentence.text)
    if match is None:
        return []
    if match.group("rise") and not _ABOVE_TARGET.search(sentence.text, 0, match.start()):
        return []  # 「每增加1人加0.5分」 with no target to exceed counts per occurrence
    unit = _unit_key(match.group("unit"))
    targets = [
        t
        for t in _TARGET.finditer(sentence.text, 0, match.start())
        if _unit_key(t.group("unit")) == unit
    ]
    rule = {
        "kind": "exceed",
        "target": number(targets[-1].group("target")) if targets else None,
        "step": number(match.group("step")),
        "amount": signed(match.group("verb"), match.group("amount")),
        "unit": unit,
    }
    # The span starts with the target's clause: an amount before it (达标加1分) is its own.
    start = clause_start(sentence.text, targets[-1].start()) if targets else match.start()
    if len({number(target.group("target")) for target in targets}) > 1:
        # 「超过10%的加1分,超过30%以上,每超过20%加1分」: thresholds that grade the measure
        # leave what counts between them, and whether the amounts add up, to a person.
        start = clause_start(sentence.text, targets[0].start())
        return [Finding(rule, start, match.end(), GUESS)]
    return [Finding(rule, start, match.end(), SURE if targets else GUESS)]


@sentence_reader("逾期扣分", priority=80, needs="逾迟延推滞晚")
def read_lateness(sentence: Sentence) -> list[Finding]:
    findings = []
    for match in _LATE.finditer(sentence.text):
        amount = signed(match.group("verb"), match.group("amount"))
        period = _PERIOD.get(match.group("period"))
        if period:
            rule = {"kind": "lateness", "amount": amount, "per": period}
        else:
            rule = {"kind": "per_occurrence", "amount": amount, "unit": match.group("period")}
        findings.append(Finding(rule, match.start(), match.end(), SURE))
    return findings
