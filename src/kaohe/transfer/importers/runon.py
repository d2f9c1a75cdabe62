"""An outline run into one line with nothing between its parts (PDF text, a page pasted as one
paragraph): 「……制定本办法。一、考核对象各股室二、考核内容1、信息报送数量。2、信息质量。三、……」.

Where the numbered lines begin is told by their numbering counting on: 一、 then 二、, (一)
then (二), 1、 then 2、 — a lone 「统一、」 or 「(一)」 in a sentence counts nothing, cuts nothing.
"""

from __future__ import annotations

import re

from kaohe.transfer.importers.headings import heading_rank

_NUMERALS = "一二三四五六七八九十"
_NOT_COUNTED = "(?![月日号年个次人天分])"  # 「1-3月」, 「5-10分」: a range, not a number
# Each style of numbering, and whether it starts again at 1 under each parent.
_STYLES: tuple[tuple[re.Pattern[str], bool], ...] = (
    (re.compile(r"(?<![第统唯单同之])([一二三四五六七八九十]{1,2})、"), False),
    (re.compile(r"[（(]([一二三四五六七八九十]{1,2})[)）]"), True),
    (re.compile(r"(?<![\d.．])(\d{1,2})、"), True),
    (re.compile(r"(?<![\d.．])(\d{1,2})[.．](?![\d.．])"), True),
    # 「2-1积极开展……」: items numbered under their parent's number, counting from 1 again.
    (re.compile(r"(?<![\d.．])\d{1,2}-(\d{1,2})(?=\s*[\u4e00-\u9fff“])" + _NOT_COUNTED), True),
)
# 「……考核评分办法一、定量考核(80分)」: the title run into the first part.
_AFTER_TITLE = re.compile(r"(?<=办法|细则|标准)(?=一、)")


def cut_at_enumerators(line: str) -> list[str]:
    """The numbered lines of ``line``, each from its numbering on (the text before the first)."""
    counted = {at for style in _STYLES for at in _counted(line, *style) if at > 0}
    if counted:
        counted.update(match.start() for match in _AFTER_TITLE.finditer(line, 0, min(counted)))
    cuts = sorted(counted)
    return [line[start:end] for start, end in zip([0, *cuts], [*cuts, len(line)], strict=True)]


def _counted(line: str, pattern: re.Pattern[str], restarts: bool) -> list[int]:
    """Where the numbers of one style count on from 1 (starting again at 1 if it may)."""
    found: list[int] = []
    expected, counted_on, pointed = 1, False, False
    for match in pattern.finditer(line):
        value = _value(match.group(1))
        named = bool(_POINTED.match(line, match.end()))
        if (
            value == expected
            or (restarts and value == 1 and found)
            or (value == expected - 1 and named and pointed)
        ):
            found.append(match.start())
            pointed = named
            counted_on = counted_on or value > 1
            expected = value + 1
    return found if counted_on else []


# 「6.按规定建立……(3分)……查看文件6.按时报送安全工作总结。(2分)」: a number printed twice
# still opens a line when a name and its points follow it both times.
_POINTED = re.compile(r"[^。；;\d]{2,60}。?[（(]\d{1,3}(?:\.\d)?分[)）]")


def _value(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + _NUMERALS.index(numeral[1]) + 1
    return _NUMERALS.index(numeral[0]) + 1 if len(numeral) == 1 else 0


# 「(一)落实安全生产责任制 1.」 / 「党委主要负责人未履行……」: PDF text that printed the next
# line's numbering at the end of this one.
_TRAILING_ENUMERATOR = re.compile(r"\s+(\d{1,2}[.．、])$")


def enumerators_moved_down(text: str) -> str:
    """``text`` with each numbering printed at the end of the line before moved to the start of
    its own line."""
    moved = text.split("\n")
    for at, line in enumerate(moved):
        found = _TRAILING_ENUMERATOR.search(line)
        after = next((i for i in range(at + 1, len(moved)) if moved[i].strip()), None)
        if found is None or after is None or heading_rank(moved[after].strip()) is not None:
            continue
        moved[at] = line[: found.start()]
        moved[after] = found.group(1) + moved[after].lstrip()
    return "\n".join(moved)


# 「1、……每案次扣0.5分;全年未开展」 / 「2、此项工作的不记分。」: a PDF page copied with its lines
# numbered; the numbers are the copy's, and each line runs on into the next.
_LINE_NUMBER = re.compile(r"^(\d{1,3})、")
MIN_NUMBERED_LINES = 3
MIN_PAGE_LINE = 150


def joined_page_lines(text: str) -> str:
    """``text`` with its lines run together, when every line is numbered 1、 2、 3、 … in order,
    the first are long (a page's width of text) and one breaks off inside a sentence."""
    lines = [line for line in text.split("\n") if line.strip()]
    numbers = [_LINE_NUMBER.match(line) for line in lines]
    if len(lines) < MIN_NUMBERED_LINES or not all(numbers):
        return text
    in_order = [int(match.group(1)) for match in numbers if match] == list(range(1, len(lines) + 1))
    if not in_order or min(map(len, lines[:-1])) < MIN_PAGE_LINE:
        return text
    if all(line.rstrip().endswith(("。", "；", ";")) for line in lines[:-1]):
        return text  # each numbered line ends its sentence: items, not a page's lines
    return " ".join(lines)  # the numbers stay, as text quoted from the page keeps them
