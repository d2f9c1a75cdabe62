"""Numbers as Chinese documents write them: 0.5, 两, 三, 二十, 壹拾伍, 1/4, 60%."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
    "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
_MULTIPLIERS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CHINESE_CHARS = "".join(_DIGITS) + "".join(_MULTIPLIERS)

CHINESE_NUMBER = f"[{_CHINESE_CHARS}]+"
ARABIC_NUMBER = r"\d+(?:\.\d+)?|\.\d+"
NUMBER = rf"(?:{ARABIC_NUMBER}|{CHINESE_NUMBER}|半)"
"""A regular expression for one number in either script (``半`` is a half)."""

_FRACTION = re.compile(r"^(\d+)/(\d+)$")


def _chinese_to_int(text: str) -> int | None:
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            if digit is not None and digit != 0:
                return None  # "二三" is not a number
            digit = _DIGITS[char]
        elif char in _MULTIPLIERS:
            total += (1 if digit is None else digit) * _MULTIPLIERS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def parse_number(text: str) -> Decimal | None:
    """Read one number, or return None when ``text`` is not a number.

    >>> parse_number("两"), parse_number("十五"), parse_number("0.5"), parse_number("1/4")
    (Decimal('2'), Decimal('15'), Decimal('0.5'), Decimal('0.25'))
    """
    text = text.strip()
    if text == "半":
        return Decimal("0.5")
    fraction = _FRACTION.match(text) if "/" in text else None
    if fraction:
        return Decimal(fraction.group(1)) / Decimal(fraction.group(2))
    if text and not text.strip(_CHINESE_CHARS):  # nothing but Chinese numerals
        value = _chinese_to_int(text)
        return None if value is None else Decimal(value)
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


class NotANumber(ValueError):
    """A pattern matched a run of numerals that is no number (「两两」)."""


def number(text: str) -> Decimal:
    """Read a number that a pattern has already matched. The patterns take any run of Chinese
    numerals; one that is no number (「两两」) raises ``NotANumber``: that reading fails."""
    value = parse_number(text)
    if value is None:
        raise NotANumber(f"不是数字：{text}")
    return value


def percent(text: str) -> Decimal:
    """``60`` (from "60%") → ``0.6``."""
    return number(text) / Decimal(100)
