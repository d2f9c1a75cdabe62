"""Recognising the header row(s) of an assessment table by the names offices give their columns."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kaohe.textrules.normalize import to_simplified
from kaohe.textrules.vocabulary import SCORING_WORD
from kaohe.transfer.importers.grid import Cell, Grid
from kaohe.transfer.importers.headings import heading_rank

LEVEL = "level"
POINTS = "points"
CRITERIA = "criteria"
CONTENT = "content"
TARGET = "target"
ASSESSOR = "assessor"
LEADERS = "leaders"
UNITS = "units"
PERSONS = "persons"
SEQUENCE = "sequence"  # 序号: the printed order, which the imported codes already keep

# Checked in order: the first pattern that matches the whole normalised header wins, so the
# narrow names (责任人, 考评单位) come before the broad ones (责任单位).
HEADER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern))
    for role, pattern in (
        (SEQUENCE, r"序号|编号|序|No\.?"),
        (PERSONS, r"(具体)?责任人(员)?|联系人"),
        (ASSESSOR, r"(市直|牵头)?(考评|考核|评分)(单位|科室|部门)|负责考核(科室|单位|部门)"),
        (LEADERS, r"(分管|责任|分工|牵头)?(局|市|县)?领导"),
        (UNITS, r"(牵头)?(责任|承办|主办|牵头)(科室|单位|部门|处室)(单位)?|(牵头|配合)?科室"),
        (
            POINTS,
            r"(基础|基本|标准|单项|小项|细项|分项|子项)?"
            r"(分值|标准分|分数|满分|权重|基本分|基础分|指标分值)(分)?",
        ),
        (
            CRITERIA,
            r"(考核)?(考核|评价|评分|扣分|计分|赋分|打分)(要点|标准|细则|方法|办法|说明|原则|要素)(及)?(评价|评分)?(标准)?"
            r"((及|和)(办法|方法|依据))?"
            r"|考核要点及评价标准|(考核|工作)内容及(考核|评分|计分|评价)?标准",
        ),
        (CRITERIA, r"(加扣分|加减分|奖扣分|加分|奖励)(标准|分值|细则)"),
        (CONTENT, r"(具体)?(考核|工作|指标)?(内容|要求)((和|及)(分值|要求))?"),
        # 「创建标准」 over 「大力开展社区治安防范……」: the standard worked to names its row.
        (CONTENT, r"(创建|建设|达标|创评)(标准|内容|要求)"),
        (TARGET, r"(年度)?(工作)?(目标|任务)(值)?"),
        (
            LEVEL,
            r"[一二三四五六1-6](级)?(指标|项目|目录)|(考核|评价)?(项目|指标)(名称)?((及|和)分值)?"
            r"|考核事项|类别"
            r"|(加扣分|加减分|奖扣分|加分|扣分)(事项|项目)",
        ),
    )
)

_LEVEL_NUMBER = re.compile(r"([一二三四五六1-6])级")
_LEVEL_DIGITS = "一二三四五六123456"
MAX_HEADER = 14
_PARENTHESES = re.compile(r"[（(][^（）()]*[)）]")
_NOISE = re.compile(r"[\s:：/、]+")


@dataclass(frozen=True)
class Columns:
    """What each column of a table holds, and the header rows that said so."""

    roles: tuple[str | None, ...]
    header_rows: int
    level_columns: tuple[int, ...]
    _by_role: dict[str | None, tuple[int, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_role: dict[str | None, list[int]] = {}
        for index, role in enumerate(self.roles):
            by_role.setdefault(role, []).append(index)
        found = {role: tuple(columns) for role, columns in by_role.items()}
        object.__setattr__(self, "_by_role", found)

    def of(self, role: str) -> tuple[int, ...]:
        return self._by_role.get(role, ())


# 「基础分值\n100分」: the column's header carries the table's total.
_TOTAL = re.compile(r"\d+(?:\.\d+)?分$")


def normalise_header(text: str) -> str:
    return _TOTAL.sub("", _NOISE.sub("", _PARENTHESES.sub("", to_simplified(text))))


def header_role(text: str) -> str | None:
    """The role of a column whose header reads ``text``, or None for an unknown header."""
    if len(text) > MAX_HEADER * 3:
        return None  # a sentence, not a header: skip the normalising
    name = normalise_header(text)
    if not name or len(name) > MAX_HEADER:
        return None
    for role, pattern in HEADER_PATTERNS:
        if pattern.fullmatch(name):
            return role
    return None


def find_columns(grid: Grid, start: int = 0) -> tuple[int, Columns] | None:
    """Find the first header block at or after row ``start``: (its first row, the columns)."""
    for index in range(start, len(grid.rows)):
        if _looks_like_header(grid.rows[index]):
            depth = _header_depth(grid.rows, index)
            columns = _columns(grid.rows[index : index + depth], grid.width)
            return index, _numbered_targets_name_items(columns, grid.rows[index + depth :])
    return None


def _numbered_targets_name_items(columns: Columns, rows: list[list[Cell]]) -> Columns:
    """「项目 | 目标 | 考核内容」 with 「1、坚持……」 in every 目标 cell: a target column whose cells
    are numbered like outline items names the items one level below the columns before it; so
    does a 考核内容 column beside the indicators whose every cell is one numbered line with its
    points (「1、制度健全,台帐完整(4分)」), and a 考核内容 column left of every indicator
    column (the parts the indicators belong to: 「考核内容 | 考核指标 | 分值」)."""
    roles = list(columns.roles)
    for column in columns.of(TARGET):
        if _all_cells(rows, column, lambda text: heading_rank(text) is not None):
            roles[column] = LEVEL
    for column in columns.of(CONTENT) if columns.level_columns else ():
        if (
            column < min(columns.level_columns)
            or _all_cells(rows, column, _numbered_with_points)
            or _names_pointed_rows(roles, rows, column)
        ):
            roles[column] = LEVEL
    for column in (*_named_criteria(columns, rows), *_numbered_requirements(columns, rows)):
        roles[column] = LEVEL
    if roles == list(columns.roles):
        return columns
    levels = tuple(index for index, role in enumerate(roles) if role == LEVEL)
    return Columns(roles=tuple(roles), header_rows=columns.header_rows, level_columns=levels)


def _named_criteria(columns: Columns, rows: list[list[Cell]]) -> tuple[int, ...]:
    """「考核指标 | 考核要点 | 分值 | 评分标准」: 考核要点 written as short names
    (「优化城镇交通组织」), the criteria in a column of their own, names the items."""
    criteria, points = columns.of(CRITERIA), columns.of(POINTS)
    if len(criteria) < 2 or not points or not columns.level_columns:
        return ()
    first = criteria[0]
    if not max(columns.level_columns) < first < points[0] < criteria[1]:
        return ()
    return (first,) if _all_cells(rows, first, _short_name) else ()


def _numbered_requirements(columns: Columns, rows: list[list[Cell]]) -> tuple[int, ...]:
    """「项目 | 分值 | 考核标准(two columns) | 单项分值」 with 「1.按要求报送责任人信息。」 |
    「未完成1次扣1分。」 under 考核标准: the left half of a criteria header, every cell one
    numbered requirement, names the items below the indicator; the right half scores them."""
    criteria = columns.of(CRITERIA)
    if len(criteria) < 2 or not columns.level_columns:
        return ()
    first = criteria[0]
    if first < max(columns.level_columns) or not _all_cells(rows, first, _one_numbered_line):
        return ()
    return (first,)


def _one_numbered_line(text: str) -> bool:
    return "\n" not in text.strip() and heading_rank(text) is not None


def _short_name(text: str) -> bool:
    return len(text) <= 20 and "\n" not in text and not SCORING_WORD.search(to_simplified(text))


def _names_pointed_rows(roles: list[str | None], rows: list[list[Cell]], content: int) -> bool:
    """「考核项目 | 序号 | 考核内容 | 分值 | 评分标准」 with the project merged down over rows that
    each have their own points: beside a criteria column of its own, the content names them."""
    if roles.count(POINTS) != 1:
        return False
    level = max(index for index, role in enumerate(roles) if role == LEVEL)
    points = roles.index(POINTS)
    return content > level and any(
        not _text(row, level) and _text(row, points) and _text(row, content) for row in rows
    )


def _text(row: list[Cell], column: int) -> str:
    cell = row[column] if column < len(row) else None
    return cell.text if cell is not None and not cell.merged else ""


def _all_cells(rows: list[list[Cell]], column: int, test: Callable[[str], bool]) -> bool:
    texts = [row[column].text for row in rows if column < len(row) and row[column].text]
    return bool(texts) and all(test(text) for text in texts)


def _numbered_with_points(text: str) -> bool:
    one_line = "\n" not in text.strip()
    return one_line and heading_rank(text) is not None and bool(_POINTS.search(text))


_POINTS = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")


def is_repeated_header(row: list[Cell]) -> bool:
    """A header row printed again on a later page (or a later docx table) is not data."""
    texts = [cell.text for cell in row if cell.text]
    return len(texts) >= 2 and all(header_role(text) is not None for text in texts)


def _looks_like_header(row: list[Cell]) -> bool:
    roles = [header_role(cell.text) for cell in row if cell.text and not cell.merged]
    known = [role for role in roles if role is not None]
    return len(known) >= 2 and (LEVEL in known or CRITERIA in known or POINTS in known)


def _header_depth(rows: list[list[Cell]], first: int) -> int:
    depth = 1
    while first + depth < len(rows) and depth < 3:
        row = rows[first + depth]
        fresh = [cell for cell in row if cell.text and not cell.merged]
        if not fresh or not all(map(_names_a_column, fresh)):
            break
        depth += 1
    return depth


# 「得分 › 自评分 | 考评分」: columns where the assessors write their scores, under the header
# block's other names; they hold no part of the scheme.
_SCORE_COLUMN = re.compile(
    r"[市县区镇乡村]?(自评|自测|考评|考核|复核|评审|实际?)?(得分|评分|分)|扣分(情况|原因)?|备注"
)


def _names_a_column(cell: Cell) -> bool:
    return names_a_column(cell.text)


def names_a_column(text: str) -> bool:
    """A column's name (考核指标, 扣分标准, 考评分 …), or the standards it holds (「目标任务和记分
    标准」) — never a thing assessed; 考核内容 and 工作目标, which name what is assessed, are."""
    name = normalise_header(text)
    role = header_role(text)
    return (
        (role is not None and role not in (CONTENT, TARGET))
        or bool(_SCORE_COLUMN.fullmatch(name))
        or bool(_STANDARDS.fullmatch(name))
    )


# 「检查组评分」, 「目标任务和记分标准」: who scores, or the standards, named as a column is named.
_STANDARDS = re.compile(
    r"[\u4e00-\u9fff]{1,4}(?:评分|得分)|[\u4e00-\u9fff]{0,8}(?:记分|计分|评分|扣分)标准"
)


def _columns(header: list[list[Cell]], width: int) -> Columns:
    roles: list[str | None] = []
    for column in range(width):
        texts = [row[column].text for row in reversed(header) if column < len(row)]
        roles.append(next((header_role(text) for text in texts if header_role(text)), None))
    if LEVEL not in roles and CONTENT in roles:
        # 「考核内容 | 分值 | 评分标准」: with no indicator column, the content names the item.
        roles[roles.index(CONTENT)] = LEVEL
    levels = [index for index, role in enumerate(roles) if role == LEVEL]
    numbers = {index: _level_number(header, index) for index in levels}
    if all(numbers.values()):
        levels.sort(key=lambda index: numbers[index])
    return Columns(roles=tuple(roles), header_rows=len(header), level_columns=tuple(levels))


def _level_number(header: list[list[Cell]], column: int) -> int:
    """一级指标 → 1. Numbered levels may be laid out in any order; others read left to right."""
    for row in header:
        if column < len(row):
            match = _LEVEL_NUMBER.match(normalise_header(row[column].text))
            if match:
                return _LEVEL_DIGITS.index(match.group(1)) % 6 + 1
    return 0
