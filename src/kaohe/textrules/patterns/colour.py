"""Colour status: 「红灯扣2分，黄灯扣1分，绿灯不扣分」."""

from __future__ import annotations

import re
from decimal import Decimal

from kaohe.textrules.clauses import Sentence
from kaohe.textrules.numbers import NUMBER
from kaohe.textrules.patterns.base import ADD, DEDUCT, SURE, Finding, sentence_reader, signed

_COLOUR = re.compile(
    rf"(?P<colour>红灯|黄灯|绿灯|蓝灯)[^,;]{{0,6}}?(?:(?P<verb>{DEDUCT}|{ADD})\s*(?P<amount>{NUMBER})\s*分"
    r"|(?P<none>不扣分|不加分|不扣不加|得满分))"
)


@sentence_reader("红黄绿灯", priority=50, needs="灯")
def read_colour(sentence: Sentence) -> list[Finding]:
    matches = list(_COLOUR.finditer(sentence.text))
    if len(matches) < 2:
        return []
    colours = {
        match.group("colour"): Decimal(0)
        if match.group("none")
        else signed(match.group("verb"), match.group("amount"))
        for match in matches
    }
    rule = {"kind": "colour", "map": colours}
    return [Finding(rule, matches[0].start(), matches[-1].end(), SURE)]
