"""Small typesetting steps for the 通报: a line of text in a font, exact line heights, indents
by characters, the red line under the number, page numbers and the ranking table."""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Length, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from kaohe.results.bulletin.fonts import FANGSONG, HEITI, SONGTI, set_font

RED = RGBColor(0xFF, 0x00, 0x00)
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
TABLE_SIZE = Pt(12)  # 小四
PAGE_NUMBER_SIZE = Pt(14)  # 四号
LINE = Pt(28.95)  # the type area's 225 mm over 22 lines


def line(
    document: Document,
    text: str,
    font: str,
    size: Length,
    align: Any = None,
    colour: RGBColor | None = None,
) -> Paragraph:
    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(text)
    set_font(run, font, size)
    if colour is not None:
        run.font.color.rgb = colour
    return paragraph


def exactly(paragraph_format: Any, height: Length) -> None:
    paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph_format.line_spacing = height


def lines(count: int) -> Length:
    return Pt(LINE.pt * count)


def chars(count: float) -> Length:
    return Pt(BODY_SIZE.pt * count)


def indented(paragraph: Paragraph) -> Paragraph:
    """Each paragraph starts two characters in; following lines start at the margin."""
    paragraph.paragraph_format.first_line_indent = chars(2)
    return paragraph


def red_rule_under(paragraph: Paragraph) -> None:
    """The red line as wide as the type area, 4 mm (11 pt) under the number (GB/T 9704 7.2.4)."""
    borders = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="12" w:space="11"'
        f' w:color="{RED}"/></w:pBdr>'
    )
    paragraph._p.get_or_add_pPr().append(borders)


def page_number(paragraph: Paragraph, align: Any) -> None:
    """「— 1 —」 in 四号 宋体, one character in from the outer edge (GB/T 9704 7.5)."""
    paragraph.alignment = align
    side = "right_indent" if align == WD_ALIGN_PARAGRAPH.RIGHT else "left_indent"
    setattr(paragraph.paragraph_format, side, PAGE_NUMBER_SIZE)
    set_font(paragraph.add_run("— "), SONGTI, PAGE_NUMBER_SIZE)
    number = paragraph.add_run()
    set_font(number, SONGTI, PAGE_NUMBER_SIZE)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        number._r.append(field_part(kind, text))
    set_font(paragraph.add_run(" —"), SONGTI, PAGE_NUMBER_SIZE)


def field_part(kind: str | None, instruction: str | None) -> Any:
    if kind is not None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = instruction
    return element


def ranking_table(document: Document, table: Any, width_mm: int) -> None:
    """The table with a header row repeated on every page; 单位 takes the width left over."""
    grid = document.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = column_widths(table.headers, width_mm)
    header = grid.rows[0]
    repeat_as_header(header)
    for cell, text in zip(header.cells, table.headers, strict=True):
        fill(cell, text, HEITI)
    for values in table.rows:
        cells = grid.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, values, strict=True)):
            fill(cell, text, FANGSONG, left=table.headers[index] in WIDE_COLUMNS)
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice reads
        for cell in column.cells:
            cell.width = width  # each cell, which Word reads


WIDE_COLUMNS = ("单位", "否决情况")
SMALLEST_MM = {"名次": 12, "等次": 12, "否决情况": 26, "单位": 30}
NUMBER_MM = 17  # 100.00 and room around it


def fixed_widths(headers: list[str]) -> dict[str, float]:
    """Every column but 单位, wide enough for its header on one line (and cell padding)."""
    header_mm = TABLE_SIZE.mm + 0.1
    return {
        name: max(SMALLEST_MM.get(name, NUMBER_MM), header_mm * width_in_chars(name) + 4.5)
        for name in headers
        if name != "单位"
    }


def fits(headers: list[str], width_mm: int) -> bool:
    return sum(fixed_widths(headers).values()) + SMALLEST_MM["单位"] <= width_mm


def column_widths(headers: list[str], width_mm: int) -> list[Length]:
    fixed = fixed_widths(headers)
    rest = max(SMALLEST_MM["单位"], width_mm - sum(fixed.values()))
    return [Mm(fixed.get(name, rest)) for name in headers]


def repeat_as_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)


def fill(cell: Any, text: str, font: str, left: bool = False) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
    exactly(paragraph.paragraph_format, Pt(20))
    set_font(paragraph.add_run(text), font, TABLE_SIZE)


# Where a long title may break: before these words, so that no word is cut (GB/T 9704 7.3.2).
TITLE_BREAKS = ("考核结果", "结果", "的通报", "通报", "考核")


def title_lines(title: str, size: Length, width_mm: int) -> list[str]:
    """A title too long for one line, broken before a whole word into lines as even as may be."""
    room = Mm(width_mm).pt / size.pt - 1  # Word and WPS space digits from Chinese characters
    if width_in_chars(title) <= room:
        return [title]
    places = [title.rfind(word) for word in TITLE_BREAKS]
    fitting = [at for at in places if at > 0 and width_in_chars(title[:at]) <= room]
    if not fitting:
        middle = len(title) // 2
        return [title[:middle], *title_lines(title[middle:], size, width_mm)]
    half = width_in_chars(title) / 2
    at = min(fitting, key=lambda place: abs(width_in_chars(title[:place]) - half))
    return [title[:at], *title_lines(title[at:], size, width_mm)]


def width_in_chars(text: str) -> float:
    """Text's width in characters of its size: digits and Latin letters are half as wide."""
    return sum(0.5 if character.isascii() else 1.0 for character in text)


def lines_of(paragraph: Paragraph, texts: list[str], font: str, size: Length) -> Paragraph:
    for index, text in enumerate(texts):
        run = paragraph.add_run(text)
        set_font(run, font, size)
        if index < len(texts) - 1:
            run.add_break()
    return paragraph
