"""A table row printed with one space between its cells (PDF text, a table copied from a page):
「一 组织管理 10 1 领导管理 2 列入领导议事日程,明确分管领导的得2分,否则得0分。 2 成立机构 3 ……」.

Nothing but single spaces sets the cells apart, and sentences hold single spaces too (「得1 分」).
What does set them apart is a number standing alone between spaces — a row's serial (1, 2 …,
一, 二 …) or its points (10, 50分) — where a sentence's number always belongs to a verb before
it (扣 1 分, 缺 1 人次) or a counting word after it. A text whose lines hold such numbers two or
more at a time (a serial and points at least, four in all) is such a table: each of its lines
that nothing else cuts is cut around them, and around points the copy glued to the criteria
after them (「……图片资料 2少一次扣1分」). The cells between keep their inner spaces, except the
header's names (序号 检查内容 分数), which become cells of their own, and a name written a
character a space (「党 建 活 动 室」, 「评 分 标 准」), whose characters are joined.
"""

from __future__ import annotations

import re

from kaohe.transfer.importers.headers import header_role, normalise_header

_COUNTING = (
    r"个|次|项|条|人(?!员)|件|天|日|月|年|周|名|份|处|户|家|分|元|万|亿|倍|届|批|位|所|类|台|辆|篇|"
    r"期|轮|季|小时|层|级|米|公里|吨|亩|岁|号|时|本|套|张|场|起|宗|例|种|%|％|以上|以下|至|到|-|—|~"
)
# A number's own verb or measure before it: 「扣 1 分」, 「不少于 2 次」, 「第 3 条」.
_TAKES_A_NUMBER = "扣加得减缺少每计记超低高于达第共约近满为占按前后各的率至到或和、~-"
_NUMBER = r"(\d{1,3}(?:\.\d{1,2})?(?:分)?|[一二三四五六七八九十]{1,3})"
_AFTER_A_SPACE = rf"(?:^|(?<=[^\s{_TAKES_A_NUMBER}]\s))"
# A number between spaces (or at the line's start or end), not counting anything after it.
_LONE_NUMBER = re.compile(
    _AFTER_A_SPACE + _NUMBER + rf"(?=\s+(?!{_COUNTING})[\u4e00-\u9fff“《（(]|\s+\d|\s*$)"
)
# In such rows, points the copy glued to the criteria after them: 「……图片资料 2少一次扣0 5分」.
_GLUED_NUMBER = re.compile(
    _AFTER_A_SPACE + r"(\d{1,3}(?:\.\d{1,2})?)" + rf"(?!{_COUNTING}|的)(?=[\u4e00-\u9fff])"
)
MIN_ROW_NUMBERS = 2
MIN_SPACED_NUMBERS = 4
MIN_HEADER_NAME = 2  # 「分」 alone ends a sentence (「扣0 5 分」), never names a column
_HEADER_EXTRA = re.compile(r"(自评|自测|考评|考核|复核|评审|实际?)?(得分|评分|分)|备注|检查方式")


def spaced_rows(lines: list[str]) -> bool:
    """Whether the text holds rows printed with single spaces between their cells: lines with
    two lone numbers or more (a row's serial and points at least), four numbers in all."""
    counts = (len(_lone_numbers(line.strip(), _LONE_NUMBER)) for line in lines)
    return sum(count for count in counts if count >= MIN_ROW_NUMBERS) >= MIN_SPACED_NUMBERS


def spaced_cells(part: str) -> list[str]:
    """The cells of ``part``, cut around its lone numbers (see the module's docstring)."""
    cells: list[str] = []
    start = 0
    for match in _lone_numbers(part, _LONE_NUMBER, _GLUED_NUMBER):
        cells.extend(_named_cells(part[start : match.start()]))
        cells.append(match.group(1))
        start = match.end()
    cells.extend(_named_cells(part[start:]))
    return [cell for cell in cells if cell]


def _lone_numbers(part: str, *patterns: re.Pattern[str]) -> list[re.Match[str]]:
    """Each lone number after a cell, or after the lone number before it (「组织管理 10 1 领导
    管理」); 「扣0 5分」 is a decimal broken by a space, not two numbers."""
    found = sorted((m for pattern in patterns for m in pattern.finditer(part)), key=_start)
    numbers: list[re.Match[str]] = []
    for match in found:
        before = part[: match.start()].rstrip()
        after_number = bool(numbers) and numbers[-1].end() == len(before)
        if not before or after_number or _CELL_END.search(before):
            numbers.append(match)
    return numbers


def _start(match: re.Match[str]) -> int:
    return match.start()


_CELL_END = re.compile(r"[\u4e00-\u9fff。，,、）)%”]$")


def _named_cells(text: str) -> list[str]:
    """The stretch between two lone numbers: header names apart, characters written one a
    space joined, the rest one cell as written."""
    cells: list[str] = []
    run: list[str] = []
    for token in _joined_characters(text.split()):
        if _header_name(token):
            cells.extend([" ".join(run), token] if run else [token])
            run = []
        else:
            run.append(token)
    return [*cells, " ".join(run)] if run else cells


def _joined_characters(tokens: list[str]) -> list[str]:
    """「党 建 活 动 室」 → 党建活动室; 「评 分 标 准 得 分」 → 评分标准, 得分."""
    joined: list[str] = []
    for token, previous in zip(tokens, ["", *tokens], strict=False):
        if _one_character(token) and _one_character(previous):
            joined[-1] += token
        else:
            joined.append(token)
    return [part for token in joined for part in _header_parts(token)]


def _one_character(token: str) -> bool:
    return len(token) == 1 and "\u4e00" <= token <= "\u9fff"


_HEADER_SPLIT = re.compile(
    r"(?:(?<=评分标准|考核内容|考核标准|评分细则)|(?<=分值))(?=得分|分值|备注|自评)"
)


def _header_parts(token: str) -> list[str]:
    return _HEADER_SPLIT.split(token) if len(token) <= 12 else [token]


def _header_name(token: str) -> bool:
    name = normalise_header(token)
    return len(name) >= MIN_HEADER_NAME and (
        header_role(name) is not None or bool(_HEADER_EXTRA.fullmatch(name))
    )
