"""Real xlsx and docx files written with openpyxl and python-docx, for the importer tests."""

from __future__ import annotations

import io
from collections.abc import Sequence

import docx
from openpyxl import Workbook

Rows = Sequence[Sequence[object]]
Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (1-based)


def workbook(rows: Rows, merges: Sequence[Merge] = (), *, title: str = "考核细则") -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for top, left, bottom, right in merges:
        sheet.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def document(rows: Rows, merges: Sequence[Merge] = (), *, before: Sequence[str] = ()) -> bytes:
    """A docx with paragraphs ``before`` and one table; merged areas keep only the anchor text."""
    doc = docx.Document()
    for text in before:
        doc.add_paragraph(text)
    add_table(doc, rows, merges)
    return save(doc)


def add_table(doc: object, rows: Rows, merges: Sequence[Merge] = ()) -> object:
    width = max(len(row) for row in rows)
    table = doc.add_table(rows=len(rows), cols=width)  # type: ignore[attr-defined]
    covered = {
        (row, column)
        for top, left, bottom, right in merges
        for row in range(top, bottom + 1)
        for column in range(left, right + 1)
        if (row, column) != (top, left)
    }
    for row_index, row in enumerate(rows, 1):
        for column_index, value in enumerate(row, 1):
            if value is not None and (row_index, column_index) not in covered:
                table.cell(row_index - 1, column_index - 1).text = str(value)
    for top, left, bottom, right in merges:
        table.cell(top - 1, left - 1).merge(table.cell(bottom - 1, right - 1))
    return table


def save(doc: object) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def outline_document(paragraphs: Sequence[str]) -> bytes:
    doc = docx.Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    return save(doc)


def tree(scheme: dict[str, object]) -> list[tuple[str, ...]]:
    """Every indicator as (path names…, points), depth first: what a reader of the tree sees."""
    found: list[tuple[str, ...]] = []

    def walk(nodes: object, above: tuple[str, ...]) -> None:
        for node in nodes or []:  # type: ignore[attr-defined]
            path = (*above, node["name"])
            found.append((*path, str(node.get("points"))))
            walk(node.get("children"), path)

    walk(scheme["sections"], ())
    return found


def leaf(scheme: dict[str, object], *names: str) -> dict[str, object]:
    nodes = scheme["sections"]
    node: dict[str, object] = {}
    for name in names:
        node = next(child for child in nodes if child["name"] == name)  # type: ignore[attr-defined]
        nodes = node.get("children", [])
    return node


def without_carried_scheme(package: bytes) -> bytes:
    """An exported package as Office might save it back: without kaohe's own part."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "kaohe/scheme.yaml":
                target.writestr(info, source.read(info))
    return buffer.getvalue()


def replace_part(package: bytes, name: str, change: object) -> bytes:
    """``package`` with part ``name`` rewritten by ``change(bytes) -> bytes``."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, change(content) if info.filename == name else content)  # type: ignore[operator]
    return buffer.getvalue()
