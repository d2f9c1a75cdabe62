"""Rows of a box-drawn table (│ … │ between ├──┼──┤ rules) wrapped over several lines.

A table drawn with box characters wraps each cell inside its own column: a sentence of the
criteria column runs on in the same column of the next lines, beside blank or wrapped cells of
the other columns (「│ 1 │ 来访登记 │ 10 │未按规定登记……的,每次│」 / 「│ │ │ │扣1分。 │」). Read
line by line, the first half of the sentence would be a cell of its own — an item's name — and
the rest another. The lines between two rules that cut into the same number of cells are one
row: each column's pieces are joined into its cell, so every sentence is whole again.
"""

from __future__ import annotations

import re

_BORDER = re.compile(r"[│┃║]")
_RULE_CHARS = re.compile(r"[─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬]")
_RULED_ROWS = 3
"""A header and two rows with rules between them: the table rules its rows apart."""
_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")


def joined_box_rows(lines: list[str]) -> list[str]:
    """``lines`` with each wrapped row of a box-drawn table joined into its first line; the
    other lines of the row become rules (skipped as the table's drawing), so every line keeps
    its number and no blank line is made where the document had none. A line whose right
    columns are ruled off (「│ │ 设 │ 生 ├────┼──┤」) closes the row with its left cells. Only a
    table that draws a rule between its rows is joined: under a rule drawn below the header
    alone, each line is a row."""
    joined = list(lines)
    rows: list[list[int]] = []
    row: list[int] = []
    for index, line in enumerate([*lines, ""]):
        width = _width(lines[row[0]]) if row else 0
        if _in_a_row(line) and (not row or _width(line) == width):
            row.append(index)
            continue
        if row and len(_left_cells(line)) in range(1, width):
            row.append(index)
        rows += [row] if row else []
        row = [index] if _in_a_row(line) else []
        if not _drawn(line):  # the table ends
            for each in rows if len(rows) >= _RULED_ROWS else ():
                _join(joined, each)
            rows = []
    return joined


def _drawn(line: str) -> bool:
    text = line.strip()
    return bool(text) and (_BORDER.match(text) is not None or _RULE_CHARS.match(text) is not None)


def _in_a_row(line: str) -> bool:
    """A line of cells between borders, with no rule drawn across any of them."""
    text = line.strip()
    return bool(text) and _BORDER.match(text) is not None and _RULE_CHARS.search(text) is None


def _left_cells(line: str) -> list[str]:
    """The cells left of a rule drawn across the right columns of a line; none for a line
    that is all rule or holds no such rule."""
    text = line.strip()
    rule = _RULE_CHARS.search(text)
    if rule is None or _BORDER.match(text) is None:
        return []
    return [cell.strip() for cell in _BORDER.split(text[: rule.start()])[1:]]


def _width(line: str) -> int:
    return len(_cells(line))


def _cells(line: str) -> list[str]:
    if _RULE_CHARS.search(line):
        return _left_cells(line)
    return [cell.strip() for cell in _BORDER.split(line.strip())[1:-1]]


def _join(lines: list[str], row: list[int]) -> None:
    if len(row) < 2:
        return
    width = len(_cells(lines[row[0]]))
    pieces = [_cells(lines[index]) + [""] * width for index in row]
    cells = [_run_on(tuple(piece[column] for piece in pieces)) for column in range(width)]
    lines[row[0]] = "│" + "│".join(f" {cell} " for cell in cells) + "│"
    for index in row[1:]:
        lines[index] = "─"


def _run_on(pieces: tuple[str, ...]) -> str:
    """A cell's pieces as one text: Chinese runs on without a space, words apart keep one."""
    text = ""
    for piece in filter(None, pieces):
        apart = _LATIN_END.search(text) and _LATIN_START.search(piece)
        text = f"{text} {piece}" if apart else text + piece
    return text
