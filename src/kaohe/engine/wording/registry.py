"""The wording registry: one sentence-writing function per rule kind, plus the common tail."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping
from typing import Any

from kaohe.engine.wording.words import leaning, number

Wording = Callable[[Mapping[str, Any]], str]

_WORDINGS: dict[str, Wording] = {}
_LOADED: list[bool] = []
_SKIP = {"registry", "words"}


def wording(kind: str) -> Callable[[Wording], Wording]:
    """Decorator: ``fn`` writes the sentence for rules of ``kind``."""

    def register(fn: Wording) -> Wording:
        _WORDINGS[kind] = fn
        return fn

    return register


def worded_kinds() -> dict[str, Wording]:
    """Every registered wording by kind, importing the wording modules on first use."""
    if not _LOADED:
        import kaohe.engine.wording as package

        _LOADED.append(True)
        for module in pkgutil.iter_modules(package.__path__):
            if module.name not in _SKIP:
                importlib.import_module(f"{package.__name__}.{module.name}")
    return _WORDINGS


def rule_sentence(rule: Mapping[str, Any]) -> str:
    """The rule in one plain-Chinese sentence, with its cap and category multipliers."""
    write = worded_kinds().get(str(rule.get("kind", "")))
    if write is None:
        return f"未知的规则类型「{rule.get('kind', '')}」"
    try:
        parts = [write(rule), cap_words(rule), multiplier_words(rule)]
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError):
        return "规则参数不完整，无法读成一句话"
    return "，".join(part for part in parts if part)


def cap_words(rule: Mapping[str, Any]) -> str:
    if rule.get("cap") is None:
        return ""
    return f"最多{leaning(rule)}{number(rule['cap'])}分"


def multiplier_words(rule: Mapping[str, Any]) -> str:
    multipliers = rule.get("multipliers") or {}
    return "、".join(f"{name}按{number(times)}倍计" for name, times in multipliers.items())
