"""The 考核结果通报 as a Word document in the red-header layout of GB/T 9704-2012.

Plain data in (``Bulletin``), docx bytes out; nothing here reads the database. The layout, by
the standard's clause: A4 with the type area 156 × 225 mm (top 37, bottom 35, left 28, right
26 mm); 22 lines of 28 characters (三号 16 pt, lines exactly 28.95 pt); the issuing body's mark
(发文机关标志) centred in red 小标宋 35 mm below the top of the type area; two lines below it
the number (发文字号) with a red line across the type area 4 mm under it; the title in 二号
小标宋 two lines below the line; the body in 三号 仿宋 with 黑体 headings; the attachment note,
the signature and the date; page numbers 「— 1 —」 in 四号 宋体, odd pages right and even pages
left; the attachment on a page of its own with 「附件」 in 黑体 at the top left.

Fonts are named as the offices have them (仿宋_GB2312, 方正小标宋简体, 黑体), each also named for
East Asian text (``w:eastAsia``), which is the name Word and WPS read for Chinese characters.
The font table says what to use where one is missing: 仿宋 for 仿宋_GB2312 (Windows 10 ships
only 仿宋), 黑体 for 方正小标宋简体.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from kaohe.results.bulletin.fonts import FANGSONG, HEITI, XIAOBIAOSONG, name_fallbacks, set_font
from kaohe.results.bulletin.typesetting import (
    BODY_SIZE,
    LINE,
    RED,
    TITLE_SIZE,
    chars,
    exactly,
    fits,
    indented,
    line,
    lines,
    lines_of,
    page_number,
    ranking_table,
    red_rule_under,
    title_lines,
    width_in_chars,
)

TYPE_WIDTH_MM = 156
LANDSCAPE_TYPE_WIDTH_MM = 225
MARK_LARGEST = 48  # pt; a long name is set smaller to stay within the type area


@dataclass(frozen=True)
class RankingTable:
    headers: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Bulletin:
    """What the 通报 says, in the order it is printed."""

    mark: str  # 发文机关标志, e.g. 张家港市考核办文件
    number: str  # 发文字号, e.g. 张考核〔2020〕3号
    title: str
    addressees: str  # 主送机关, e.g. 各科室
    sections: list[tuple[str, list[str]]]  # (heading, paragraphs)
    attachment_title: str
    signature: str  # 落款 (发文机关署名)
    date: str  # 成文日期, e.g. 2020年7月6日
    table: RankingTable = field(default_factory=lambda: RankingTable([], []))


def bulletin_docx(bulletin: Bulletin) -> bytes:
    document = Document()
    set_up_page(document)
    write_header(document, bulletin)
    write_body(document, bulletin)
    write_attachment(document, bulletin)
    name_fallbacks(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def set_up_page(document: DocumentObject) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(21)
    normal = document.styles["Normal"]
    set_font(normal, FANGSONG, BODY_SIZE)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-US")  # digits and Latin letters break as words, never inside
    language.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(language)
    normal.paragraph_format.space_before = normal.paragraph_format.space_after = Pt(0)
    exactly(normal.paragraph_format, LINE)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    document.settings.odd_and_even_pages_header_footer = True
    page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def write_header(document: DocumentObject, bulletin: Bulletin) -> None:
    mark_size = mark_size_for(bulletin.mark)
    mark = line(document, bulletin.mark, XIAOBIAOSONG, mark_size, WD_ALIGN_PARAGRAPH.CENTER, RED)
    mark.paragraph_format.space_before = Mm(35)
    exactly(mark.paragraph_format, Pt(mark_size.pt * 1.2))
    number = line(document, bulletin.number, FANGSONG, BODY_SIZE, WD_ALIGN_PARAGRAPH.CENTER)
    number.paragraph_format.space_before = lines(2)
    red_rule_under(number)
    title = centred_title(document, bulletin.title, TYPE_WIDTH_MM)
    title.paragraph_format.space_before = lines(2)
    addressees = line(document, f"{bulletin.addressees}：", FANGSONG, BODY_SIZE)
    addressees.paragraph_format.space_before = lines(1)


def write_body(document: DocumentObject, bulletin: Bulletin) -> None:
    for heading, paragraphs in bulletin.sections:
        if heading:
            indented(line(document, heading, HEITI, BODY_SIZE))
        for text in paragraphs:
            indented(line(document, text, FANGSONG, BODY_SIZE))
    note = indented(line(document, f"附件：{bulletin.attachment_title}", FANGSONG, BODY_SIZE))
    note.paragraph_format.space_before = lines(1)
    signature = line(document, bulletin.signature, FANGSONG, BODY_SIZE, WD_ALIGN_PARAGRAPH.RIGHT)
    signature.paragraph_format.space_before = lines(2)
    signature.paragraph_format.right_indent = chars(2)
    date = line(document, bulletin.date, FANGSONG, BODY_SIZE, WD_ALIGN_PARAGRAPH.RIGHT)
    date.paragraph_format.right_indent = date_indent(bulletin.signature, bulletin.date)


def date_indent(signature: str, date: str) -> Pt:
    """The date starts two characters right of the signature's first (GB/T 9704 7.3.5.2), both
    ending at the right margin, the signature two characters in; digits are half as wide."""
    return chars(max(0.0, 2 + width_in_chars(signature) - 2 - width_in_chars(date)))


def write_attachment(document: DocumentObject, bulletin: Bulletin) -> None:
    wide = not fits(bulletin.table.headers, TYPE_WIDTH_MM)
    if wide:
        landscape(document)
    else:
        document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    line(document, "附件", HEITI, BODY_SIZE)
    width = LANDSCAPE_TYPE_WIDTH_MM if wide else TYPE_WIDTH_MM
    title = centred_title(document, bulletin.attachment_title, width)
    title.paragraph_format.space_before = lines(1)
    title.paragraph_format.space_after = Pt(12)
    ranking_table(document, bulletin.table, width)


def landscape(document: DocumentObject) -> None:
    """A wide table turns its pages (GB/T 9704 10: the page numbers stay where they were)."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(28), Mm(26)
    section.left_margin, section.right_margin = Mm(37), Mm(35)


def centred_title(document: DocumentObject, title: str, width_mm: int) -> Paragraph:
    """二号 小标宋, centred, broken before a whole word when it is too long for one line."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    exactly(paragraph.paragraph_format, Pt(36))
    return lines_of(paragraph, title_lines(title, TITLE_SIZE, width_mm), XIAOBIAOSONG, TITLE_SIZE)


def mark_size_for(mark: str) -> Pt:
    """The mark's size: as large as fits the type area's width, at most MARK_LARGEST."""
    fitting = Mm(TYPE_WIDTH_MM).pt * 0.92 / max(len(mark), 1)
    return Pt(min(MARK_LARGEST, int(fitting)))
