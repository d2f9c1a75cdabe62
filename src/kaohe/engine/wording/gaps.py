"""Rules that measure a value against a target: shortfall, exceed, baseline, proportional."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kaohe.engine.wording.registry import wording
from kaohe.engine.wording.words import amount_words, decimal, number, unit_of

PARTIAL_SENTENCES = {
    "floor": "不足一档的不计",
    "prorate": "不足一档的按比例计",
    "ceil": "不足一档的按一档计",
}


def step_words(rule: Mapping[str, Any]) -> tuple[str, str]:
    """(每1%, 不足一档的按比例计) — the step with its unit, and how a part of a step counts."""
    step = f"{number(rule.get('step', 1))}{unit_of(rule)}"
    return step, PARTIAL_SENTENCES.get(str(rule.get("partial", "floor")), "")


@wording("shortfall")
def shortfall(rule: Mapping[str, Any]) -> str:
    step, partial = step_words(rule)
    target = f"{number(rule['target'])}{unit_of(rule)}"
    return f"目标{target}，每少{step}{amount_words(rule['amount'])}（{partial}）"


@wording("exceed")
def exceed(rule: Mapping[str, Any]) -> str:
    step, partial = step_words(rule)
    target = f"{number(rule['target'])}{unit_of(rule)}"
    return f"超过目标{target}的，每多{step}{amount_words(rule['amount'])}（{partial}）"


@wording("baseline")
def baseline(rule: Mapping[str, Any]) -> str:
    step, partial = step_words(rule)
    parts = [f"以{number(rule['baseline'])}{unit_of(rule)}为基准"]
    if decimal(rule.get("below", 0)):
        parts.append(f"每低{step}{amount_words(rule['below'])}")
    if decimal(rule.get("above", 0)):
        parts.append(f"每高{step}{amount_words(rule['above'])}")
    return "，".join(parts) + f"（{partial}）"


@wording("proportional")
def proportional(rule: Mapping[str, Any]) -> str:
    target = f"{number(rule['target'])}{unit_of(rule)}"
    return f"按完成比例得分：完成{target}得满分，未完成的按完成比例计"
