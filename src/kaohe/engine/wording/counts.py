"""Rules that count occurrences: per occurrence, lateness, frequency, checklist, escalation,
tiered levels and colours."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kaohe.engine.wording.registry import wording
from kaohe.engine.wording.words import amount_words, amounts_words, number, unit_of

LATE_PERIODS = {"month": "个月", "quarter": "个季度", "half": "个半年", "year": "年"}
PER_WORDS = {"month": "每月", "quarter": "每季度", "half": "每半年", "year": "全年"}


@wording("per_occurrence")
def per_occurrence(rule: Mapping[str, Any]) -> str:
    unit = unit_of(rule, "次")
    levels = rule.get("levels") or {}
    each = f"每发生1{unit}{amount_words(rule['amount'])}" if rule.get("amount") is not None else ""
    if not levels:
        return each
    by_level = f"按级别每{unit}{amounts_words(levels)}"
    return f"{by_level}，未写级别的{each}" if each else by_level


@wording("lateness")
def lateness(rule: Mapping[str, Any]) -> str:
    period = LATE_PERIODS.get(str(rule.get("per", "month")), "期")
    return f"每迟报1{period}{amount_words(rule['amount'])}"


@wording("frequency")
def frequency(rule: Mapping[str, Any]) -> str:
    unit = unit_of(rule, "次")
    per = PER_WORDS.get(str(rule.get("per", "year")), "每期")
    minimum = number(rule["minimum"])
    return f"{per}不少于{minimum}{unit}，每少1{unit}{amount_words(rule['amount'])}"


@wording("checklist")
def checklist(rule: Mapping[str, Any]) -> str:
    tasks = [str(task) for task in rule.get("tasks") or []]
    return f"共{len(tasks)}项任务（{'、'.join(tasks)}），每未完成1项{amount_words(rule['amount'])}"


@wording("escalation")
def escalation(rule: Mapping[str, Any]) -> str:
    return f"规则「{rule.get('after', '')}」已有记录时，每次再{amount_words(rule['amount'])}"


@wording("tiered")
def tiered(rule: Mapping[str, Any]) -> str:
    how = "只按最高级别计" if rule.get("highest_only", True) else "各级别累加计算"
    return f"按级别{amounts_words(rule['levels'])}，{how}"


@wording("colour")
def colour(rule: Mapping[str, Any]) -> str:
    return f"按亮灯计分：{amounts_words(rule['map'])}"
