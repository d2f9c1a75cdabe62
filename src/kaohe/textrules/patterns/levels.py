"""Amounts listed against levels in one breath.

「失泄绝密文件、机密文件、秘密文件的，各扣2分、1分、0.5分」 is one rule with three levels.
"""

from __future__ import annotations

import re

from kaohe.textrules.clauses import Sentence
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.patterns.base import ADD, DEDUCT, GUESS, SURE, Finding, sentence_reader
from kaohe.textrules.vocabulary import COUNTER, LEVELS

_RESPECTIVELY = re.compile(
    rf"(?P<items>[^,;]+?)的?\s*,?\s*(?:各|分别)\s*(?P<verb>{DEDUCT}|{ADD})\s*"
    rf"(?P<amounts>{NUMBER}\s*分(?:\s*、\s*{NUMBER}\s*分)+)"
)
_LEVEL = re.compile("|".join(LEVELS))
# 「按省、市和县每件(次)分别扣3分、2分、1分」: the levels named alone, after 按, before the rate.
_BARE_LEVEL = re.compile(r"[省市县区乡镇]")
_BY_LEVELS = re.compile(
    rf"^按照?\s*(?P<listed>[^,;]+?)\s*(?:每\s*(?P<unit>{COUNTER})(?:\([\u4e00-\u9fff]{{1,2}}\))?)?\s*$"
)


def _level(item: str) -> str | None:
    found = _LEVEL.search(item)
    if found is None and _BARE_LEVEL.fullmatch(item.strip()):
        return item.strip()
    return found.group(0) if found else None


def _items(written: str) -> tuple[list[str], str | None]:
    """The items an amount list goes with, and the counting word of a rate written after them."""
    by_levels = _BY_LEVELS.match(written.strip())
    if by_levels is None:
        return written.split("、"), None
    return re.split(r"、|和|及", by_levels.group("listed")), by_levels.group("unit")


# 「被省、市、县督查组发现的火点,每个分别扣10分、5分、3分」: the levels listed in the clause
# before the rate.
_EACH_ALONE = re.compile(rf"^\s*每\s*(?P<unit>{COUNTER})\s*$")
_LEVEL_WORD = rf"(?:{'|'.join(LEVELS)}|[省市县区乡镇])"
# A level list starts a clause or follows 被, 由, 经 …: 「城市、县城」 lists no levels.
_LEVEL_LIST = re.compile(rf"(?<![^被由经在按对到,;:\s]){_LEVEL_WORD}(?:\s*、\s*{_LEVEL_WORD})+")


def _levels_before(text: str, match: re.Match[str]) -> tuple[list[str], str | None, int] | None:
    """The level list of the clause before 「每个分别扣…」, its rate's unit and where it starts."""
    each = _EACH_ALONE.match(match.group("items"))
    if each is None:
        return None
    clause = max(text.rfind(mark, 0, match.start("items") - 1) for mark in ",;") + 1
    listed = _LEVEL_LIST.search(text, clause, match.start("items"))
    if listed is None:
        return None
    items = [item.strip() for item in listed.group(0).split("、")]
    return items, each.group("unit"), listed.start()


@sentence_reader("分别扣几分", priority=90, needs="各别")
def read_respectively(sentence: Sentence) -> list[Finding]:
    match = _RESPECTIVELY.search(sentence.text)
    if match is None:
        return []
    if before := _levels_before(sentence.text, match):
        items, unit, start = before
        return [_listed_levels(match, items, unit, start)]
    items, unit = _items(match.group("items"))
    return [_listed_levels(match, items, unit, match.start())]


def _listed_levels(match: re.Match[str], items: list[str], unit: str | None, start: int) -> Finding:
    amounts = [number(amount) for amount in re.findall(NUMBER, match.group("amounts"))]
    sign = 1 if re.fullmatch(ADD, match.group("verb")) else -1
    levels = [_level(item) for item in items]
    names = [level or item for item, level in zip(items, levels, strict=False)]
    sure = len(items) == len(amounts) and all(levels)
    rule: dict[str, object] = {
        "kind": "per_occurrence",
        "levels": {name: sign * amount for name, amount in zip(names, amounts, strict=False)},
    }
    if unit:
        rule["unit"] = unit
    return Finding(rule, start, match.end(), SURE if sure else GUESS)


HIGHEST_ONLY = re.compile(
    r"(?:仅|只)(?:就|按|计|取)最高(?:级别|等级|层级)?(?:加分|计分|扣分)?|按最高级别(?:加分|计分)?"
    r"|就高不就低"
)


@sentence_reader("仅就最高级别", priority=95, needs="高")
def read_highest_only(sentence: Sentence) -> list[Finding]:
    """Marks the clause as read; the text-wide pass turns the level amounts into one tier."""
    return [Finding({}, m.start(), m.end(), SURE) for m in HIGHEST_ONLY.finditer(sentence.text)]
