"""Character clean-up that keeps every offset: one character in, one character out.

Spans point into the caller's text, so normalisation must never change the length. Full-width
forms become half-width, traditional characters their simplified forms (項 → 项, one for one, from
zhconv's table), and OCR's letter O (or 〇) between digits becomes a zero.
"""

from __future__ import annotations

import re
from functools import cache

from zhconv import zhconv

_FULL_WIDTH_START = 0xFF01
_FULL_WIDTH_END = 0xFF5E
_FULL_TO_HALF_OFFSET = 0xFEE0

_DASHES = {"—": "-", "–": "-", "－": "-", "~": "-", "～": "-", "―": "-", "─": "-"}
_OTHER = {"　": " ", "〇": "0", "．": ".", "×": "*"}
# Every full-width form becomes its half-width form, even one listed above: 「～」 becomes 「~」.
_HALF_WIDTH = str.maketrans(
    {
        **_DASHES,
        **_OTHER,
        **{
            chr(code): chr(code - _FULL_TO_HALF_OFFSET)
            for code in range(_FULL_WIDTH_START, _FULL_WIDTH_END + 1)
        },
    }
)
"""One character for one: full-width forms, dashes and the others above (for ``str.translate``)."""


# Letters OCR mistakes for digits, only when they stand beside a digit or a decimal point.
_OCR_ZERO = re.compile(r"(?<=[0-9.])[Oo]|[Oo](?=[0-9.])")
_OCR_ONE = re.compile(r"(?<=[0-9.])[lI]|[lI](?=[0-9.])")
# 「扣0 5分」: a decimal point lost in PDF text leaves a space between 0 and the tenths.
_LOST_POINT = re.compile(r"(?<=[扣加减得]0) (?=\d\s*分)")
# 「及时受理率 c 5分」: a multiplication sign read as a letter between a rate and a number.
_OCR_TIMES = re.compile(r"(?<=率)(\s*)[cxX](?=\s*\d)")


@cache
def _simplified() -> dict[int, str]:
    """Traditional → simplified, character for character (phrases that change length are left
    out: offsets must hold)."""
    table = zhconv.getdict("zh-hans")
    return {ord(old): new for old, new in table.items() if len(old) == len(new) == 1}


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, the same length (「鄉鎮考核細則」 → 「乡镇考核细则」)."""
    return text.translate(_simplified())


# 「計(jì)分」: pages that print pinyin after each character (a reading aid) split the words.
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")


def _without_pinyin(text: str) -> str:
    """The pinyin annotations blanked out, one space a character: offsets hold."""
    return _PINYIN.sub(lambda match: " " * len(match.group(0)), text)


def normalize(text: str) -> str:
    """Return ``text`` with full-width forms, traditional characters, OCR digit confusions and
    pinyin annotations cleaned, same length."""
    cleaned = _without_pinyin(to_simplified(text)).translate(_HALF_WIDTH)
    cleaned = _OCR_ZERO.sub("0", cleaned)
    cleaned = _OCR_ONE.sub("1", cleaned)
    cleaned = _LOST_POINT.sub(".", cleaned)
    cleaned = _OCR_TIMES.sub(lambda match: match.group(1) + "*", cleaned)
    assert len(cleaned) == len(text)
    return cleaned
