"""Plain text: either a table copied out of Word (one cell a tab-led line) or a numbered outline.

In a tab dump each line that starts with a tab opens a cell, a line without one continues the
cell (a line break inside it), and a blank line followed by a tab line usually ends a row. Merged
cells leave rows short; a short row is completed by the next fragment when they fit exactly.
"""

from __future__ import annotations

import re

from kaohe.transfer.importers.cells import cell_per_line_between_rules
from kaohe.transfer.importers.grid import Cell, Grid, clean_text
from kaohe.transfer.importers.headers import find_columns
from kaohe.transfer.importers.outline import read_outline
from kaohe.transfer.importers.registry import Reading, importer
from kaohe.transfer.importers.report import ImportReport
from kaohe.transfer.importers.runon import enumerators_moved_down, joined_page_lines
from kaohe.transfer.importers.stream import read_stream
from kaohe.transfer.importers.tables import NOTE_ROW, TableReader
from kaohe.transfer.limits import Upload, decode_text

_TITLE = re.compile(r"(考核|评估|考评|绩效).*(细则|标准|方案|办法|分工|情况表|指标|表)")
_DOWNLOAD_NOISE = re.compile(r"(Word下载)?\.docx?$|^附件[:：]?")
_NOT_TITLE = re.compile(r"上传|下载|印发|通知|〔|》")
MIN_TAB_LINES = 6
TABLE_END_BLANKS = 3


@importer("text")
def read_text(upload: Upload, report: ImportReport) -> Reading:
    text = decode_text(upload.data).replace("\r\n", "\n").replace("\r", "\n")
    text = enumerators_moved_down(joined_page_lines(text))
    title = find_title(text)
    if sum(line.startswith("\t") for line in text.split("\n")) >= MIN_TAB_LINES:
        grid = tab_grid(text)
        if find_columns(grid) is not None:
            reader = TableReader(report)
            reader.read(grid)
            return Reading(root=reader.root, title=reader.title(title), prose=text, cells=text)
    if cell_per_line_between_rules(text.split("\n")):
        return Reading(root=read_stream(text, report), title=title, prose=text, cells=text)
    return Reading(root=read_outline(text, report), title=title, prose=text, cells=text)


def find_title(text: str) -> str:
    for line in text.split("\n")[:80]:
        candidate = _DOWNLOAD_NOISE.sub("", line.strip()).strip()
        if (
            6 <= len(candidate) <= 60
            and _TITLE.search(candidate)
            and not _NOT_TITLE.search(candidate)
        ):
            return candidate
    return ""


def tab_grid(text: str) -> Grid:
    """The tab dump as a grid whose width is that of its header row."""
    fragments = _fragments(text)
    grid = Grid(rows=[], source="文本表格")
    width = _header_width(fragments)
    for number, row in enumerate(_join_short_rows(fragments, width), 1):
        grid.rows.append(_align(row, width, number))
    return grid


def _fragments(text: str) -> list[list[str]]:
    """Runs of cells separated by a blank line before a tab line (the usual row end)."""
    fragments: list[list[str]] = []
    cells: list[str] | None = None
    blanks = 0
    for line in text.split("\n"):
        if line.startswith("\t"):
            if cells is None or blanks:
                cells = []
                fragments.append(cells)
            cells.append(line[1:])
        elif blanks >= TABLE_END_BLANKS and line.strip():
            # A long gap ends the table: what follows is a footer (抄送……), kept to be reported.
            cells = [line]
            fragments.append(cells)
        elif cells is not None and (line.strip() or not blanks):
            cells[-1] += "\n" + line
        blanks = blanks + 1 if not line.strip() and not line.startswith("\t") else 0
    return [[clean_text(cell) for cell in fragment] for fragment in fragments]


def _header_width(fragments: list[list[str]]) -> int:
    for fragment in fragments:
        probe = Grid(rows=[[Cell(text) for text in fragment]], source="")
        if find_columns(probe) is not None:
            return len(fragment)
    return max((len(fragment) for fragment in fragments), default=0)


def _join_short_rows(fragments: list[list[str]], width: int) -> list[list[str]]:
    rows: list[list[str]] = []
    for fragment in fragments:
        previous = rows[-1] if rows else None
        fits = previous is not None and len(previous) + len(fragment) <= width
        if fits and previous is not None and _continues(previous, fragment, width):
            previous.extend(fragment)
            continue
        rows.append(list(fragment))
    return rows


def _continues(row: list[str], fragment: list[str], width: int) -> bool:
    """A fragment completes a short row unless either is a note or the fragment opens a row."""
    notes = NOTE_ROW.match(row[0]) or NOTE_ROW.match(fragment[0])
    return len(row) < width and bool(fragment[0]) and not notes


def _align(row: list[str], width: int, number: int) -> list[Cell]:
    """A short row lost cells to horizontal merges: its first cell names the indicator and the
    rest belong to the right-most columns (owners and criteria sit at the right)."""
    if len(row) >= width or not row:
        texts = row
    else:
        texts = [row[0], *[""] * (width - len(row)), *row[1:]]
    return [
        Cell(text, where=f"第 {number} 行第 {column + 1} 格") for column, text in enumerate(texts)
    ]
