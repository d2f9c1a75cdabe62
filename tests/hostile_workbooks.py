"""Hostile workbooks built in the test, each small on disk and huge or harmful once opened
naively: one enormous shared string, a sheet declaring the whole A1:XFD1048576 range, a zip bomb,
part names that climb out of a folder (../), a PDF that is also a zip (a polyglot), nested XML
entities (billion laughs) declared past the first 4 KB of a part, a sheet of a million rows, and
twenty thousand empty parts. Every xlsx upload must refuse them in Chinese, using no more
memory than a few times a small import.
"""

from __future__ import annotations

import io
import os
import tracemalloc
import zipfile
from collections.abc import Callable, Sequence
from typing import Any

from openpyxl import Workbook

PLACEHOLDER = "占位文字"
HUGE_TEXT_BYTES = 17 * 1024 * 1024  # past the shared-strings cap, yet only ~1/7 compressible
ALL_OF_EXCEL = b'<dimension ref="A1:XFD1048576"/>'
MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)
SHARED_STRINGS_RELATION = (
    b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'sharedStrings" Target="sharedStrings.xml" Id="rId99"/>'
)
FAR_ROW = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'


def workbook(sheets: dict[str, Sequence[Sequence[object]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewritten(
    data: bytes,
    change: Callable[[str, bytes], bytes],
    parts: dict[str, bytes] | None = None,
    bomb: str = "",
) -> bytes:
    """The workbook with every part passed through ``change``, ``parts`` added, and ``bomb``
    (a part's name) added as 100 MB of zeros."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, change(info.filename, source.read(info)))
        for name, content in (parts or {}).items():
            archive.writestr(name, content)
        if bomb:
            with archive.open(bomb, "w", force_zip64=True) as zeros:
                for _ in range(100):
                    zeros.write(bytes(1024 * 1024))  # 100 MB of zeros, about 100 KB packed
    return buffer.getvalue()


def huge_shared_string(data: bytes) -> bytes:
    """The placeholder cells point at one shared string of 17 MB."""
    noise = os.urandom(HUGE_TEXT_BYTES).translate(bytes(b"ab"[i % 2] for i in range(256)))
    strings = b'<sst xmlns="%s" count="1" uniqueCount="1"><si><t>%s</t></si></sst>' % (MAIN, noise)
    return rewritten(data, _shared_placeholder, {"xl/sharedStrings.xml": strings})


def _shared_placeholder(name: str, content: bytes) -> bytes:
    inline = "".join(f"&#{ord(letter)};" for letter in PLACEHOLDER).encode()
    additions = {
        "[Content_Types].xml": (b"</Types>", SHARED_STRINGS_TYPE),
        "xl/_rels/workbook.xml.rels": (b"</Relationships>", SHARED_STRINGS_RELATION),
    }
    if name.startswith("xl/worksheets/"):
        return content.replace(b't="inlineStr"><is><t>' + inline + b"</t></is>", b't="s"><v>0</v>')
    if name in additions:
        end, addition = additions[name]
        return content.replace(end, addition + end)
    return content


def huge_dimension(data: bytes) -> bytes:
    def declare(name: str, content: bytes) -> bytes:
        if name.startswith("xl/worksheets/"):
            start = content.index(b"<dimension")
            end = content.index(b"/>", start) + 2
            content = content[:start] + ALL_OF_EXCEL + content[end:]
            return content.replace(b"</sheetData>", FAR_ROW + b"</sheetData>")
        return content

    return rewritten(data, declare)


def zip_bomb(data: bytes) -> bytes:
    return rewritten(data, lambda name, content: content, bomb="xl/media/image1.png")


def traversal_names(data: bytes) -> bytes:
    """Parts named to land outside any folder they would be unpacked into."""
    escapes = {"../../../../tmp/kaohe-escape.txt": b"x", "/etc/kaohe-escape": b"x"}
    return rewritten(data, lambda name, content: content, escapes)


def pdf_polyglot(data: bytes) -> bytes:
    """A PDF to a PDF reader, a workbook to a zip reader (the zip directory is at the end)."""
    return b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n" + data


LAUGHS = (
    b'<?xml version="1.0"?>\n<!-- %s -->\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">'
        % (level, (b"&lol%d;" % (level - 1) if level > 1 else b"&lol;") * 10)
        for level in range(1, 10)
    )
    + b"]>\n"
)


LAUGHING_CELL = b'<sheetData><row r="99"><c r="A99" t="inlineStr"><is><t>&lol9;</t></is></c></row>'


def billion_laughs(data: bytes) -> bytes:
    """Nine levels of ten entities (10⁹ 「lol」s) in the first sheet, declared after a comment
    that pushes the declaration past the first 4 KB of the part."""

    def laugh(name: str, content: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            body = content.split(b"?>", 1)[-1].replace(b"<sheetData>", LAUGHING_CELL, 1)
            return LAUGHS % (b" " * 5000) + body
        return content

    return rewritten(data, laugh)


def million_rows(data: bytes) -> bytes:
    """The first sheet given 1,048,576 rows (Excel's most), about 1 MB packed."""

    def rows(name: str, content: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            start, rest = content.split(b"<sheetData>", 1)
            many = b"".join(b'<row r="%d"/>' % number for number in range(1, 1_048_577))
            return (
                start
                + b"<sheetData>"
                + many
                + rest.split(b"</sheetData>", 1)[0][:0]
                + (b"</sheetData>" + rest.split(b"</sheetData>", 1)[1])
            )
        return content

    return rewritten(data, rows)


def many_parts(data: bytes) -> bytes:
    """Twenty thousand empty parts, ten times what an Office file may hold: refused from the
    count the zip's end record declares, before its directory is parsed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, source.read(info))
        for number in range(20_000):
            archive.writestr(f"xl/p/{number}", b"")
    return buffer.getvalue()


HOSTILE = {
    "huge_shared_string": (huge_shared_string, "共享文字过大"),
    "huge_dimension": (huge_dimension, "声明的范围 A1:XFD1048576 过大"),
    "zip_bomb": (zip_bomb, "疑似压缩炸弹"),
    "traversal_names": (traversal_names, "部件名称异常"),
    "pdf_polyglot": (pdf_polyglot, "PDF"),
    "billion_laughs": (billion_laughs, "含有文档类型声明"),
    "million_rows": (million_rows, "超过 20000 行"),
    "many_parts": (many_parts, "个部件"),
}


def peak_bytes(action: Callable[[], Any]) -> tuple[Any, int]:
    """What ``action`` returns and the most memory Python held while it ran."""
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
