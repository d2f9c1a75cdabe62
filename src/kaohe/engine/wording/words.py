"""Numbers and signed amounts as the sentences write them."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from kaohe.engine.loading.settings import to_decimal
from kaohe.engine.numbers import show
from kaohe.engine.periods import PERIOD_WORDS

PERIOD_NOUNS = {"month": "每月", "quarter": "每季度", "half": "每半年", "year": "每年"}


def decimal(value: object) -> Decimal:
    return to_decimal(value)


def number(value: object) -> str:
    """A number as people write it: 0.50 → 0.5, 0.3 stays 0.3, "70%" → 0.7."""
    return show(to_decimal(value))


def amount_words(value: object) -> str:
    """A signed amount in words: -2 → 扣2分, 1.5 → 加1.5分, 0 → 不扣分."""
    amount = to_decimal(value)
    if amount == 0:
        return "不扣分"
    return f"扣{show(-amount)}分" if amount < 0 else f"加{show(amount)}分"


def amounts_words(values: Mapping[str, Any]) -> str:
    """Amounts by name: 省级扣3分、市级扣2分."""
    return "、".join(f"{name}{amount_words(amount)}" for name, amount in values.items())


def weights_words(weights: Mapping[str, Any]) -> str:
    """Weights as percentages: 市委市政府占60%、人大政协占40%."""
    return "、".join(
        f"{name}占{show(to_decimal(weight) * 100)}%" for name, weight in weights.items()
    )


def period_word(per: object) -> str:
    return PERIOD_WORDS.get(str(per), str(per))


def unit_of(rule: Mapping[str, Any], default: str = "") -> str:
    return str(rule.get("unit") or default)


def leaning(rule: Mapping[str, Any]) -> str:
    """扣 when the rule deducts (an amount is negative, or it is set to deduct), else 加."""
    if rule.get("direction") in ("deduct", "add"):
        return "扣" if rule["direction"] == "deduct" else "加"
    amounts: list[object] = [rule.get(key) for key in ("amount", "below")]
    for key in ("levels", "map"):
        amounts += list((rule.get(key) or {}).values())
    amounts += list(rule.get("sequence") or [])
    return "扣" if any(to_decimal(value) < 0 for value in amounts if value is not None) else "加"
