"""Amounts listed against levels in one breath.

「失泄绝密文件、机密文件、秘密文件的，各扣2分、1分、0.5分」 is one rule with three levels.
"""

from __future__ import annotations

import re

from kaohe.textrules.clauses import Sentence
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.patterns.base import ADD, DEDUCT, GUESS, SURE, Finding, sentence_reader
from kaohe.textrules.vocabulary import LEVELS

_RESPECTIVELY = re.compile(
    rf"(?P<items>[^,;]+?)的?\s*,?\s*(?:各|分别)\s*(?P<verb>{DEDUCT}|{ADD})\s*"
    rf"(?P<amounts>{NUMBER}\s*分(?:\s*、\s*{NUMBER}\s*分)+)"
)
_LEVEL = re.compile("|".join(LEVELS))


@sentence_reader("分别扣几分", priority=90, needs="各别")
def read_respectively(sentence: Sentence) -> list[Finding]:
    match = _RESPECTIVELY.search(sentence.text)
    if match is None:
        return []
    items = match.group("items").split("、")
    amounts = [number(amount) for amount in re.findall(NUMBER, match.group("amounts"))]
    sign = 1 if re.fullmatch(ADD, match.group("verb")) else -1
    levels = [_LEVEL.search(item) for item in items]
    names = [level.group(0) if level else item for item, level in zip(items, levels, strict=False)]
    sure = len(items) == len(amounts) and all(levels)
    rule = {
        "kind": "per_occurrence",
        "levels": {name: sign * amount for name, amount in zip(names, amounts, strict=False)},
    }
    return [Finding(rule, match.start(), match.end(), SURE if sure else GUESS)]


HIGHEST_ONLY = re.compile(
    r"(?:仅|只)(?:就|按|计|取)最高(?:级别|等级|层级)?(?:加分|计分|扣分)?|按最高级别(?:加分|计分)?"
    r"|就高不就低"
)


@sentence_reader("仅就最高级别", priority=95, needs="高")
def read_highest_only(sentence: Sentence) -> list[Finding]:
    """Marks the clause as read; the text-wide pass turns the level amounts into one tier."""
    return [Finding({}, m.start(), m.end(), SURE) for m in HIGHEST_ONLY.finditer(sentence.text)]
