"""The scheme file's keys in Chinese, for refusals that name the field a person typed in."""

from __future__ import annotations

import re

from kaohe.schemes.presentation import SETTING_LABELS

FIELD_LABELS = {
    **SETTING_LABELS,
    "name": "名称",
    "body": "制定单位",
    "period": "考核周期",
    "decimals": "保留小数位数",
    "formula": "总分公式",
    "grades": "等次",
    "excellence_quota": "优秀比例",
    "ratio": "比例",
    "demote_to": "超出比例降为",
    "rounding": "名额取整",
    "categories": "单位类别",
    "tie_breakers": "同分排序",
    "points": "分值",
    "kind": "类型",
    "floor": "下限",
    "criteria": "考核要点及评价标准",
    "assessor": "考评单位",
    "owners": "分工",
    "leaders": "分管领导",
    "units": "责任科室",
    "persons": "责任人",
    "applies_to": "适用类别",
    "not_applicable": "不参加时",
    "move_to": "分值移至",
    "label": "规则名称",
    "id": "规则编号",
    "text": "原文",
    "flagged": "待确认",
    "amount": "每次分值",
    "min": "最少",
    "max": "最多",
}
QUOTED_KEY = re.compile(r"「([a-z_]+)」")
BARE_KEY = re.compile(r"(下限|上限) (?:floor|cap) ")


def in_words(problem: str) -> str:
    """The engine's problem with the file's keys named as the forms name them:
    「amount」应为数字 → 「每次分值」应为数字."""
    problem = QUOTED_KEY.sub(lambda match: f"「{FIELD_LABELS.get(match[1], match[1])}」", problem)
    return BARE_KEY.sub(r"\1 ", problem)
