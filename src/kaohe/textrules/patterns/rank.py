"""Rank-based amounts: 前5名依次加5至1分, 前三名分别加0.5分、0.3分、0.2分, 第1名加3分.

Positions in a ranking made by someone else (位列全省前三名) are not a ranking of kaohe's own units:
they become a tiered rule whose levels are the positions (第1名, 第2名 …).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kaohe.textrules.clauses import Sentence
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.patterns.base import ADD, DEDUCT, GUESS, SURE, Finding, sentence_reader

# 「前5名」, 「后三位」, or 「排名前三」 with the 名 before the count.
_TOP = re.compile(
    rf"(?P<lead>排名|名次|排序)?\s*(?P<side>前|后|倒数)\s*(?P<count>{NUMBER})\s*(?P<rank>名|位)?"
)
# 「第一至第三名」, 「第1-3名」: the positions from the first, written as a range.
_FIRST_TO = re.compile(
    rf"(?P<lead>排名|名次|排序)?\s*第\s*(?:一|1)\s*(?:至|到|-)\s*第?\s*(?P<count>{NUMBER})\s*(?P<rank>名|位)"
)
_BOTH = re.compile(rf"前\s*(?P<count>{NUMBER})\s*名和后\s*(?P=count)\s*名")
_EACH = re.compile(
    rf"(?:依次|分别|各)\s*(?:依|按)?(?:排序|名次)?\s*(?:另|再)?\s*(?P<verb>加减|{ADD}|{DEDUCT})\s*"
    rf"(?P<amounts>{NUMBER}\s*(?:至|-|到)\s*{NUMBER}\s*分|{NUMBER}\s*分?(?:\s*[、,]\s*{NUMBER}\s*分?)*)"
)
_EXTERNAL = re.compile(r"全省|全国|省内|省级")


def _sequence(amounts: str, count: int) -> tuple[list[Decimal], bool]:
    """The amounts by position, and whether they were read without guessing."""
    spread = re.fullmatch(rf"({NUMBER})\s*(?:至|-|到)\s*({NUMBER})\s*分", amounts.strip())
    if spread:
        first, last = number(spread.group(1)), number(spread.group(2))
        step = (last - first) / (count - 1) if count > 1 else Decimal(0)
        return [first + step * index for index in range(count)], step == step.to_integral_value()
    values = [number(value) for value in re.findall(NUMBER, amounts)]
    if len(values) == 1 and len(amounts.strip(" 分")) == count and count > 1:
        # 「分别加321分」: OCR lost the separators of 3、2、1 — a guess a person must confirm.
        return [Decimal(digit) for digit in amounts.strip(" 分")], False
    return values, len(values) == count


def _rule(external: bool, side: str, sequence: list[Decimal]) -> dict[str, Any]:
    if external:
        prefix = "倒数第" if side == "bottom" else "第"
        levels = {f"{prefix}{index}名": amount for index, amount in enumerate(sequence, 1)}
        return {"kind": "tiered", "levels": levels, "highest_only": False}
    return {"kind": "rank", "metric": "value", "order": "desc", "from": side, "sequence": sequence}


def _positions(text: str, at: int) -> re.Match[str] | None:
    """The positions a sequence is for: 「前5名」, 「后三位」, 「排名前三」 or 「第一至第三名」."""
    first_to = _FIRST_TO.search(text, at)
    named = (m for m in _TOP.finditer(text, at) if m.group("lead") or m.group("rank"))
    return first_to or next(named, None)


@sentence_reader("名次加分", priority=20, needs="依别各")
def read_rank(sentence: Sentence) -> list[Finding]:
    """Each sequence with the positions before it: 「前3名分别加3分、2分、1分，后3名分别扣…」."""
    findings: list[Finding] = []
    at = 0
    while (each := _EACH.search(sentence.text, at)) and (top := _positions(sentence.text, at)):
        if top.start() > each.start():
            break
        findings += _sequences(sentence.text, top, each)
        at = each.end()
    return findings


def _sequences(text: str, top: re.Match[str], each: re.Match[str]) -> list[Finding]:
    count = int(number(top.group("count")))
    sequence, sure = _sequence(each.group("amounts"), count)
    external = _EXTERNAL.search(text[: top.start()]) is not None
    confidence = SURE if sure else GUESS
    if _BOTH.search(text) and each.group("verb") == "加减":
        rules = [
            _rule(external, "top", sequence),
            _rule(external, "bottom", [-a for a in sequence]),
        ]
    else:
        side = "bottom" if top.groupdict().get("side") in ("后", "倒数") else "top"
        sign = -1 if re.fullmatch(DEDUCT, each.group("verb")) else 1
        rules = [_rule(external, side, [sign * amount for amount in sequence])]
    return [Finding(rule, top.start(), each.end(), confidence) for rule in rules]


_ORDINAL = re.compile(
    rf"(?P<bottom>倒数)?第\s*(?P<position>{NUMBER})\s*名[^,;第]{{0,6}}?"
    rf"(?P<verb>{ADD}|{DEDUCT})\s*(?P<amount>{NUMBER})\s*分"
)


@sentence_reader("第几名加分", priority=40, needs="第")
def read_ordinals(sentence: Sentence) -> list[Finding]:
    matches = list(_ORDINAL.finditer(sentence.text))
    if not matches or len({bool(match.group("bottom")) for match in matches}) > 1:
        return []
    positions = [int(number(match.group("position"))) for match in matches]
    side = "bottom" if matches[0].group("bottom") else "top"
    sign = {m.group("position"): 1 if re.fullmatch(ADD, m.group("verb")) else -1 for m in matches}
    sequence = [sign[m.group("position")] * number(m.group("amount")) for m in matches]
    external = _EXTERNAL.search(sentence.text[: matches[0].start()]) is not None
    sure = positions == list(range(1, len(positions) + 1))
    rule = _rule(external, side, sequence)
    return [Finding(rule, matches[0].start(), matches[-1].end(), SURE if sure else GUESS)]
