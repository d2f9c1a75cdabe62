"""A table as every importer sees it: rows of cells, with merged areas already spread out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Cell(NamedTuple):
    """One grid position. ``merged`` marks a position covered by a merge anchored elsewhere.

    The anchor's text is copied into every covered position, so a reader can treat a
    vertically merged 一级指标 as "the same indicator as above" and a merged 责任科室 as shared.
    """

    text: str
    merged: bool = False
    where: str = ""


@dataclass
class Grid:
    """A rectangular table read from one sheet, one docx table or one text dump."""

    rows: list[list[Cell]]
    source: str

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def clean_text(value: str) -> str:
    """Cell text with line ends unified and blank edges trimmed; inner line breaks kept."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ").split("\n")
    return "\n".join(line.strip() for line in lines).strip()


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def grid_text(grid: Grid) -> str:
    """The grid one row a line, each cell once (not where a merge spreads it), tab-separated."""
    return "\n".join(
        "\t".join(cell.text for cell in row if cell.text and not cell.merged) for row in grid.rows
    )
