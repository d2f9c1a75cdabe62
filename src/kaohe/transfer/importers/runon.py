"""An outline run into one line with nothing between its parts (PDF text, a page pasted as one
paragraph): 「……制定本办法。一、考核对象各股室二、考核内容1、信息报送数量。2、信息质量。三、……」.

Where the numbered lines begin is told by their numbering counting on: 一、 then 二、, (一)
then (二), 1、 then 2、 — a lone 「统一、」 or 「(一)」 in a sentence counts nothing, cuts nothing.
"""

from __future__ import annotations

import re

_NUMERALS = "一二三四五六七八九十"
# Each style of numbering, and whether it starts again at 1 under each parent.
_STYLES: tuple[tuple[re.Pattern[str], bool], ...] = (
    (re.compile(r"(?<![第统唯单同之])([一二三四五六七八九十]{1,2})、"), False),
    (re.compile(r"[（(]([一二三四五六七八九十]{1,2})[)）]"), True),
    (re.compile(r"(?<![\d.．])(\d{1,2})、"), True),
)


def cut_at_enumerators(line: str) -> list[str]:
    """The numbered lines of ``line``, each from its numbering on (the text before the first)."""
    cuts = sorted({at for style in _STYLES for at in _counted(line, *style) if at > 0})
    return [line[start:end] for start, end in zip([0, *cuts], [*cuts, len(line)], strict=True)]


def _counted(line: str, pattern: re.Pattern[str], restarts: bool) -> list[int]:
    """Where the numbers of one style count on from 1 (starting again at 1 if it may)."""
    found: list[int] = []
    expected, counted_on = 1, False
    for match in pattern.finditer(line):
        value = _value(match.group(1))
        if value == expected or (restarts and value == 1 and found):
            found.append(match.start())
            counted_on = counted_on or value > 1
            expected = value + 1
    return found if counted_on else []


def _value(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + _NUMERALS.index(numeral[1]) + 1
    return _NUMERALS.index(numeral[0]) + 1 if len(numeral) == 1 else 0
