"""现场测评 slips: a docx sheet of one-time codes, each with its QR code (segno) and the link,
cut apart and handed out on site. Made once, when the codes are drawn: the codes are not kept."""

from __future__ import annotations

import io

import segno
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from kaohe.evaluations.codes import shown
from kaohe.evaluations.models import EvaluatorGroup
from kaohe.transfer.written_text import clean_text

PER_ROW = 2


def qr_png(link: str) -> io.BytesIO:
    image = io.BytesIO()
    segno.make(link, error="m").save(image, kind="png", scale=4, border=2)
    image.seek(0)
    return image


def slips_document(
    group: EvaluatorGroup, drawn: list[str], links: list[str], test: bool, entry: str
) -> bytes:
    """The slips to print: each code with its QR link, and ``entry``, the address where a
    phone that cannot scan types the code in."""
    document = Document()
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(1.5)
    title = document.add_paragraph()
    run = title.add_run(clean_text(f"{group.evaluation} · {group.name} 测评票"))
    run.bold, run.font.size = True, Pt(14)
    if test:
        document.add_paragraph("【试测票】正式测评开始前作废，请勿发放。")
    table = document.add_table(rows=0, cols=PER_ROW)
    table.style = "Table Grid"
    for start in range(0, len(drawn), PER_ROW):
        cells = table.add_row().cells
        for cell, code, link in zip(
            cells, drawn[start : start + PER_ROW], links[start : start + PER_ROW], strict=False
        ):
            fill_slip(cell, group, code, link, entry)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def fill_slip(cell: object, group: EvaluatorGroup, code: str, link: str, entry: str) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run().add_picture(qr_png(link), width=Cm(3.5))
    lines = [
        clean_text(f"{group.evaluation} · {group.name}"),
        f"测评码：{shown(code)}",
        "手机扫码填写，限填一次，匿名",
        f"无法扫码时打开 {entry} 输入测评码",
    ]
    for line in lines:
        added = cell.add_paragraph(line)  # type: ignore[attr-defined]
        added.alignment = WD_ALIGN_PARAGRAPH.CENTER
