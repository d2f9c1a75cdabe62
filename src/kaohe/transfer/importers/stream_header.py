"""Where a stream of cells has its table — the header (and the title and notes above it) and the
first row — the numbering its rows and parts carry, and the drafts its name cells open
(stream.py reads the rows)."""

from __future__ import annotations

import re

from kaohe.transfer.importers.cells import GLUED_SERIAL, HEAD, Cell, kind_of
from kaohe.transfer.importers.drafts import Draft
from kaohe.transfer.importers.headers import header_role
from kaohe.transfer.importers.headings import add_criteria_line, heading_rank
from kaohe.transfer.importers.ignored import sets_score
from kaohe.transfer.importers.names import strip_numbering


def numbered_parts(cells: list[Cell]) -> list[Cell]:
    """「一」 | 「组织领导」: a part numbered in a serial column is the heading 「一、组织领导」."""
    joined: list[Cell] = []
    for cell in cells:
        last = joined[-1] if joined else None
        if last is not None and _PART_SERIAL.match(last.text) and kind_of(cell.text) == "name":
            joined[-1] = Cell(f"{last.text}、{cell.text}", last.where, last.line)
        else:
            joined.append(cell)
    return joined


def criterion_serial(text: str) -> tuple[int, str] | None:
    """「2、」 → (2, 、); 「（3）」 → (3, "("): a criteria line's number and its style."""
    match = _CRITERION_SERIAL.match(text)
    if match is None:
        return None
    if match.group(1):
        return int(match.group(1)), match.group(2)
    return int(match.group(3)), "("


def row_draft(cell: Cell) -> Draft:
    """The draft a row's first cell opens, without its numbering or its closing 。."""
    return Draft.from_text(
        strip_numbering(cell.text).rstrip("。；;") or cell.text, where=cell.where
    )


def name_draft(cell: Cell, *, points_next: bool) -> Draft:
    """The draft a name cell opens: 「(一)倒扣分制度:结合……」 is the name and its description;
    「2X员发展程序规范。」 before its points loses the row's serial."""
    text, rest = cell.text, ""
    head = HEAD.match(text)
    if head and heading_rank(text) is not None:
        text, rest = head.group("name"), head.group("rest")
    if points_next:
        text = GLUED_SERIAL.sub("", text, count=1)
    draft = Draft.from_text(strip_numbering(text).rstrip("。；;") or text, where=cell.where)
    if rest.strip():
        add_criteria_line(draft, rest)
    return draft


def table_start(cells: list[Cell], kinds: list[str]) -> int:
    """Where the rows begin: after the header cells (and the preamble above them — title,
    通知, 考核范围 — when the text has a header at all), else at the first cell."""
    first = next((i for i, kind in enumerate(kinds) if kind == "header"), None)
    if first is None:
        return 0
    index = first
    while index < len(cells) and _in_header(cells, kinds, index):
        index += 1
    return index


def rows_above_header(cells: list[Cell], kinds: list[str], body: int) -> int:
    """「落实上级要求(10分)」 | 「完成交办事项」 | 「5」 | 「……扣2分。」 above the header: the
    end of a table whose first page held the header, not a preamble; where those rows end."""
    pointed = any(
        kinds[index] == "name"
        and Draft.from_text(cells[index].text).points is not None
        and _kind_at(kinds, index + 1) == "name"
        and _kind_at(kinds, index + 2) == "number"
        for index in range(body)
    )
    if not pointed:
        return 0
    header = next(i for i in range(body) if kinds[i] == "header")
    rows = [i for i in range(header) if kinds[i] in ("number", "criteria")]
    return rows[-1] + 1 if rows else 0


def above_table(cell: Cell, kind: str) -> bool:
    """A cell of the title, the notes or the header above the table's first row, reported.
    Scoring text there is read as rows (the end of a table whose first page held the header,
    「说明:弄虚作假的扣5分」 under the title); a scale (「(100分制,90分以上合格)」) scores nothing,
    and opens no nameless item before the first row."""
    return kind != "criteria" or not sets_score(cell.text)


def _in_header(cells: list[Cell], kinds: list[str], index: int) -> bool:
    """Header cells, the fragments of a header broken across lines (「基础」/「分值」), and
    the total written in it (「100分」)."""
    text = cells[index].text.replace(" ", "")
    if kinds[index] in ("header", "number") or header_role(text):
        return True
    if len(text) <= 3 and _header_fragment(cells, index, text):
        return True
    # 「督查结果」 「评比得分」: a column for the assessors to fill in, not a first row's name.
    return bool(_FILLED_IN_COLUMN.match(text)) and _kind_at(kinds, index + 1) != "number"


def _header_fragment(cells: list[Cell], index: int, text: str) -> bool:
    """「考核」 / 「项目」, 「标准」 / 「分值」: a header broken across lines, each part short;
    「综合类」 after the header is the first row's name."""
    if _HEADER_PART.search(text):
        return True  # 「具体」, 「考核分」, 「核查分」: a word of a header or a score column
    before = cells[index - 1].text.replace(" ", "") if index else ""
    after = cells[index + 1].text.replace(" ", "") if index + 1 < len(cells) else ""
    joined = (text + after, before + text)
    return any(header_role(words) or kind_of(words) == "header" for words in joined)


def _kind_at(kinds: list[str], index: int) -> str:
    return kinds[index] if index < len(kinds) else ""


_PART_SERIAL = re.compile(r"^[一二三四五六七八九十]{1,3}$")
_FILLED_IN_COLUMN = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:结果|得分|评分|情况|扣分|分数|核分)$")
_HEADER_PART = re.compile(r"[分值项目号序考核评标准内容具体备注得扣加减权重]")
_CRITERION_SERIAL = re.compile(r"^\s*(?:(\d{1,2})([、.．])(?!\d)|[（(](\d{1,2})[)）])")
