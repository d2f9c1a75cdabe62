"""A scheme as a Word document: A4 landscape, one bordered table, header row repeated per page.

The table XML is built directly (vMerge / gridSpan on the cells): python-docx's cell merging
walks the whole table on every call, which is quadratic for a 500-indicator scheme.
"""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from kaohe.transfer.exporters.layout import (
    BODY_FONT,
    HEADER_FONT,
    TITLE_FONT,
    Merge,
    Table,
    scheme_table,
)
from kaohe.transfer.exporters.registry import exporter
from kaohe.transfer.written_text import clean_text

PAGE_WIDTH_CM = 29.7
PAGE_HEIGHT_CM = 21.0
MARGIN_CM = 1.8
_DATA_WIDTHS = (1.5, 9.0, 2.4, 1.8, 2.4, 1.8)


@exporter("docx")
def export_document(scheme: dict[str, Any]) -> bytes:
    table = scheme_table(scheme)
    document = docx.Document()
    _set_page(document)
    _set_default_font(document)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(clean_text(table.title)), TITLE_FONT, 16, bold=True)
    document.element.body.insert(len(document.element.body) - 1, _table(table))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_page(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width = Cm(PAGE_WIDTH_CM)
    section.page_height = Cm(PAGE_HEIGHT_CM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))


def _set_default_font(document: Any) -> None:
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)


def _font(run: Any, name: str, size: float, *, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _table(table: Table) -> Any:
    widths = _widths(table)
    tbl = OxmlElement("w:tbl")
    tbl.append(_table_properties())
    grid = OxmlElement("w:tblGrid")
    for width in widths:
        grid.append(_element("w:gridCol", {"w:w": str(width)}))
    tbl.append(grid)
    tbl.append(_row(list(table.headers), widths, header=True))
    spans = _spans(table.merges)
    for index, values in enumerate(table.rows):
        tbl.append(_data_row(index, values, widths, spans))
    return tbl


def _data_row(index: int, values: list[str], widths: list[int], spans: dict[Any, Any]) -> Any:
    tr = OxmlElement("w:tr")
    column = 0
    while column < len(values):
        state, span = spans.get((index, column), (None, 1))
        width = sum(widths[column : column + span])
        text = "" if state == "continue" else values[column]
        tr.append(_cell(text, width, span=span, merge=state))
        column += span
    return tr


def _spans(merges: list[Merge]) -> dict[tuple[int, int], tuple[str | None, int]]:
    """(row, column) → (vMerge state, gridSpan) for every merged position's first column."""
    spans: dict[tuple[int, int], tuple[str | None, int]] = {}
    for merge in merges:
        width = merge.right - merge.left
        vertical = merge.bottom - merge.top > 1
        for row in range(merge.top, merge.bottom):
            state = ("restart" if row == merge.top else "continue") if vertical else None
            spans[(row, merge.left)] = (state, width)
            for column in range(merge.left + 1, merge.right):
                spans.pop((row, column), None)
    return spans


def _row(values: list[str], widths: list[int], *, header: bool) -> Any:
    tr = OxmlElement("w:tr")
    if header:
        properties = OxmlElement("w:trPr")
        properties.append(_element("w:tblHeader", {"w:val": "true"}))
        tr.append(properties)
    for value, width in zip(values, widths, strict=False):
        tr.append(_cell(value, width, bold=header))
    return tr


def _cell(
    text: str, width: int, *, span: int = 1, merge: str | None = None, bold: bool = False
) -> Any:
    tc = OxmlElement("w:tc")
    properties = OxmlElement("w:tcPr")
    properties.append(_element("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
    if span > 1:
        properties.append(_element("w:gridSpan", {"w:val": str(span)}))
    if merge is not None:
        properties.append(_element("w:vMerge", {"w:val": merge}))
    properties.append(_element("w:vAlign", {"w:val": "center"}))
    tc.append(properties)
    for line in text.split("\n") if text else [""]:
        tc.append(_paragraph(line, bold=bold))
    return tc


def _paragraph(text: str, *, bold: bool) -> Any:
    paragraph = OxmlElement("w:p")
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    font = HEADER_FONT if bold else BODY_FONT
    properties.append(_element("w:rFonts", {"w:ascii": font, "w:hAnsi": font, "w:eastAsia": font}))
    if bold:
        properties.append(OxmlElement("w:b"))
    run.append(properties)
    content = OxmlElement("w:t")
    content.text = clean_text(text)
    content.set(qn("xml:space"), "preserve")
    run.append(content)
    paragraph.append(run)
    return paragraph


def _table_properties() -> Any:
    properties = OxmlElement("w:tblPr")
    properties.append(_element("w:tblStyle", {"w:val": "TableGrid"}))
    properties.append(_element("w:tblW", {"w:w": "0", "w:type": "auto"}))
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_element(f"w:{side}", {"w:val": "single", "w:sz": "4", "w:color": "000000"}))
    properties.append(borders)
    return properties


def _widths(table: Table) -> list[int]:
    centimetres = [2.6] * table.depth + list(_DATA_WIDTHS)
    scale = (PAGE_WIDTH_CM - 2 * MARGIN_CM) / sum(centimetres)
    return [int(width * scale * 567) for width in centimetres]  # 567 twips to the centimetre


def _element(tag: str, attributes: dict[str, str]) -> Any:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(name), value)
    return element
