"""The fonts a 通报 names, and what Word and WPS use where one is not installed."""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Length

FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"

# Each named font with the font to use where it is missing (w:altName) and the GB2312 character
# set (w:charset 86), so that a machine without it still sets Chinese text in a like font.
FALLBACKS = {FANGSONG: "仿宋", XIAOBIAOSONG: HEITI, HEITI: "SimHei", SONGTI: "SimSun"}
FAMILIES = {FANGSONG: "modern", XIAOBIAOSONG: "script", HEITI: "modern", SONGTI: "auto"}
# Where LibreOffice makes the PDF (kaohe.pdf) and a named font is missing: the Noto CJK font
# installed with it that keeps the look (仿宋 and 小标宋 serif, 黑体 sans).
PDF_SUBSTITUTES = {
    FANGSONG: "Noto Serif CJK SC",
    XIAOBIAOSONG: "Noto Serif CJK SC",
    SONGTI: "Noto Serif CJK SC",
    HEITI: "Noto Sans CJK SC",
}


def set_font(target: Any, name: str, size: Length | None = None) -> None:
    """Name ``name`` for Latin and for East Asian text (w:eastAsia) on a run or a style."""
    target.font.name = name
    if size is not None:
        target.font.size = size
    fonts = target.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def name_fallbacks(document: Document) -> None:
    """Add the named fonts, with their fallbacks, to the document's font table."""
    part = document.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE)
    table = parse_xml(part.blob)
    for name, fallback in FALLBACKS.items():
        table.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{fallback}"/>'
                f'<w:charset w:val="86"/><w:family w:val="{FAMILIES[name]}"/>'
                '<w:pitch w:val="variable"/></w:font>'
            )
        )
    # python-docx keeps the font table as a plain part: its bytes are the part.
    part._blob = serialize_part_xml(table)
