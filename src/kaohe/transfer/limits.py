"""Guards run before any parser sees an uploaded document.

Office files are zip archives of XML, so a small upload can expand to gigabytes, carry macros,
or hide an encrypted package. Every check here reads a bounded amount of data, so a hostile file
is refused quickly and with a Chinese message the user can act on.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TEXT_BYTES = 4 * 1024 * 1024
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000
MAX_COMPRESSION_RATIO = 400
MAX_TABLE_ROWS = 20_000
HEADER_ROWS = 10
"""Title and header rows a table may carry above its MAX_TABLE_ROWS rows of data."""
MAX_TABLE_CELLS = 400_000
MAX_TEXT_LINES = 60_000
MAX_CRITERIA_CHARS = 300_000

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
_READ_CHUNK = 1024 * 1024
_END_OF_DIRECTORY = b"PK\x05\x06"
_END_SEARCH = 22 + 65_535  # the end record and the longest comment it may carry
_PROLOG_BYTES = 64 * 1024  # an Office part's prolog is a line; a longer one is refused
_PROLOG_ITEM = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.DOTALL)
_ROOT_START = re.compile(rb"\s*<[A-Za-z_]")
_BOM = b"\xef\xbb\xbf"
_TAIL = 64
_MERGE_REF = re.compile(rb'<mergeCell ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')
# Element openings that count as a table row and a table cell, per package kind.
_TABLE_MARKERS = {
    "xl": ((b"<row ", b"<row>"), (b"<c ", b"<c>")),
    "word": ((b"<w:tr ", b"<w:tr>"), (b"<w:tc ", b"<w:tc>")),
}

KIND_NAMES = {"xlsx": "Excel 工作簿", "docx": "Word 文档", "text": "纯文本"}
EXTENSION_KINDS = {".xlsx": "xlsx", ".docx": "docx", ".txt": "text", ".text": "text"}
MACRO_EXTENSIONS = {".xlsm", ".xltm", ".docm", ".dotm", ".xlsb"}


class ImportRefused(Exception):
    """The document cannot be imported; the message says why, in Chinese."""


@dataclass(frozen=True)
class Upload:
    """An uploaded document whose bytes passed the guards, with the kind its content shows."""

    name: str
    data: bytes
    kind: str


def check_upload(name: str, data: bytes, max_bytes: int = MAX_FILE_BYTES) -> Upload:
    """Sniff the content, compare it with the extension, and apply the size guards."""
    if len(data) > max_bytes:
        raise ImportRefused(
            f"文件过大（{megabytes(len(data))}），导入上限为 {megabytes(max_bytes)}"
        )
    if not data.strip():
        raise ImportRefused("文件是空的，没有可导入的内容")
    extension = PurePath(name).suffix.lower()
    if extension in MACRO_EXTENSIONS:
        raise ImportRefused(
            f"文件类型 {extension} 可能包含宏，出于安全原因不予导入，请另存为 .xlsx 或 .docx"
        )
    kind = sniff_kind(data)
    expected = EXTENSION_KINDS.get(extension)
    if expected is None:
        raise ImportRefused(
            f"不支持的文件类型「{extension or '无扩展名'}」，请使用 .xlsx、.docx 或 .txt"
        )
    if expected != kind:
        raise ImportRefused(
            f"文件扩展名为 {extension}，但内容是{KIND_NAMES[kind]}：请确认文件或改正扩展名后再导入"
        )
    if kind == "text" and len(data) > MAX_TEXT_BYTES:
        raise ImportRefused(
            f"文本文件过大（{megabytes(len(data))}），上限为 {megabytes(MAX_TEXT_BYTES)}"
        )
    if kind != "text":
        check_archive(data)
    return Upload(name=name, data=data, kind=kind)


def sniff_kind(data: bytes) -> str:
    """Tell an Excel workbook, a Word document and plain text apart by their bytes."""
    if data.startswith(OLE_SIGNATURE):
        raise ImportRefused(_ole_message(data))
    if data.startswith(b"%PDF"):
        raise ImportRefused("暂不支持导入 PDF 文件，请提供 Word/Excel 原件，或复制文字另存为 .txt")
    if data.startswith(ZIP_SIGNATURE):
        return _archive_kind(data)
    if b"\x00" in data[:_READ_CHUNK]:
        raise ImportRefused("无法识别的文件格式：既不是 Excel/Word 文件，也不是文本")
    return "text"


def decode_text(data: bytes) -> str:
    """Read a text file written in UTF-8 (with or without BOM) or GB18030."""
    if data.count(b"\n") > MAX_TEXT_LINES:
        raise ImportRefused(f"文本超过 {MAX_TEXT_LINES} 行，超出导入上限；请拆分后分别导入")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused("无法识别文本编码，请另存为 UTF-8 编码的 .txt 文件")


def check_archive(data: bytes) -> None:
    """Refuse zip bombs, macros, DTDs and tables beyond the row limit, reading bounded data."""
    with _open_zip(data) as archive:
        entries = archive.infolist()
        _check_entry_sizes(entries)
        _check_entry_names(entries)
        names = {entry.filename for entry in entries}
        if any(name.lower().endswith("vbaproject.bin") for name in names):
            raise ImportRefused(
                "文件包含宏（VBA），出于安全原因不予导入，请删除宏后另存为 .xlsx/.docx"
            )
        for entry in entries:
            if entry.filename.endswith((".xml", ".rels")):
                _check_xml_entry(archive, entry)


def _check_entry_names(entries: list[zipfile.ZipInfo]) -> None:
    """Office parts live in folders of the package: a name that climbs out (../), starts at the
    root or a drive, or uses backslashes is not one Excel or Word writes."""
    for entry in entries:
        name = entry.filename
        parts = name.replace("\\", "/").split("/")
        if name.startswith("/") or "\\" in name or ".." in parts or ":" in parts[0]:
            raise ImportRefused(f"文件部件名称异常（「{name[:80]}」），疑似恶意文件，不予导入")


def _archive_kind(data: bytes) -> str:
    with _open_zip(data) as archive:
        names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    raise ImportRefused("压缩包不是 Excel 或 Word 文件，无法导入")


def declared_entries(tail: bytes) -> int:
    """How many entries a zip's end record declares, from the file's last 64 KB: read before
    the zip directory is parsed, which costs memory and time for every entry it lists. Zip64
    archives (their count field reads 0xFFFF) count as too many: no Office file needs them."""
    end = tail.rfind(_END_OF_DIRECTORY)
    if end < 0 or len(tail) < end + 12:
        return 0  # not a zip: zipfile says so in its own words
    return int.from_bytes(tail[end + 10 : end + 12], "little")


def _open_zip(data: bytes) -> zipfile.ZipFile:
    count = declared_entries(data[-_END_SEARCH:])
    if count > MAX_ZIP_ENTRIES:
        raise ImportRefused(f"文件内部结构异常（包含 {count} 个部件），疑似恶意文件，不予导入")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ImportRefused("文件已损坏，无法作为 Excel/Word 文件打开") from error


def _check_entry_sizes(entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ImportRefused(
            f"文件内部结构异常（包含 {len(entries)} 个部件），疑似恶意文件，不予导入"
        )
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNPACKED_BYTES:
        raise ImportRefused(
            f"文件解压后过大（{megabytes(total)}），"
            f"超过上限 {megabytes(MAX_UNPACKED_BYTES)}，疑似压缩炸弹"
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > _READ_CHUNK and ratio > MAX_COMPRESSION_RATIO:
            raise ImportRefused(
                f"文件部件「{entry.filename}」压缩比异常（{ratio:.0f} 倍），疑似压缩炸弹"
            )


def _check_xml_entry(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    markers = _TABLE_MARKERS.get("word" if entry.filename == "word/document.xml" else "")
    if entry.filename.startswith("xl/worksheets/"):
        markers = _TABLE_MARKERS["xl"]
    try:
        with archive.open(entry) as stream:
            _scan_part(entry.filename, stream, markers)
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError) as error:
        raise ImportRefused(f"文件已损坏：部件「{entry.filename}」无法读取") from error


def _scan_part(
    name: str, stream: IO[bytes], markers: tuple[tuple[bytes, ...], tuple[bytes, ...]] | None
) -> None:
    """The part's prolog checked, and a table part's rows and cells counted as it streams by."""
    head = stream.read(_PROLOG_BYTES)
    _check_prolog(name, head)
    if markers is None:
        return
    table = _TableCount(*markers)
    table.add(head, 0)
    tail = head[-_TAIL:]
    for chunk in iter(lambda: stream.read(_READ_CHUNK), b""):
        table.add(tail + chunk, len(tail))
        tail = chunk[-_TAIL:]


def _check_prolog(name: str, head: bytes) -> None:
    """What comes before the root element: only the XML declaration, comments and processing
    instructions. A DTD could only be declared there (entity expansion: billion laughs), however
    long a comment pushes it down, and a parser refuses one met later; a part in UTF-16 would
    hide it from this byte search, so only UTF-8 (as Office writes) passes."""
    position = len(_BOM) if head.startswith(_BOM) else 0
    while found := _PROLOG_ITEM.match(head, position):
        position = found.end()
    if head and not _ROOT_START.match(head, position):
        refusal = (
            "含有文档类型声明"
            if b"<!DOCTYPE" in head[position:]
            else "开头不是 Office 写出的 UTF-8 XML"
        )
        raise ImportRefused(f"文件部件「{name}」{refusal}，疑似恶意文件，不予导入")


class _TableCount:
    """Row and cell elements (and cells covered by merged areas) counted as the XML streams by."""

    def __init__(self, rows: tuple[bytes, ...], cells: tuple[bytes, ...]) -> None:
        self.markers = {rows: 0, cells: 0}
        self.limits = {rows: MAX_TABLE_ROWS + HEADER_ROWS, cells: MAX_TABLE_CELLS}
        self.rows = rows
        self.merged = 0

    def add(self, window: bytes, seen: int) -> None:
        """Counts what ``window`` holds past its first ``seen`` bytes (counted before)."""
        tail = window[:seen]
        for markers in self.markers:
            self.markers[markers] += sum(window.count(m) - tail.count(m) for m in markers)
            if self.markers[markers] > self.limits[markers]:
                raise ImportRefused(_too_large(markers is self.rows))
        self.merged += _merged_area(window, seen)
        if self.merged > MAX_TABLE_CELLS:
            raise ImportRefused(_too_large(False))


def _merged_area(window: bytes, seen: int) -> int:
    """Cells covered by the merged areas declared in ``window`` past its first ``seen`` bytes.

    openpyxl creates an object for every covered cell, so 「A1:XFD1048576」 alone would take
    billions of them: the declared areas are summed before openpyxl is allowed to load.
    """
    area = 0
    for match in _MERGE_REF.finditer(window):
        if match.end() > seen:
            first_column, first_row, last_column, last_row = match.groups()
            width = column_number(last_column) - column_number(first_column) + 1
            area += max(width, 1) * max(int(last_row) - int(first_row) + 1, 1)
    return area


def column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _too_large(by_rows: bool) -> str:
    if by_rows:
        return f"表格超过 {MAX_TABLE_ROWS} 行，超出导入上限；请拆分后分别导入"
    return f"表格超过 {MAX_TABLE_CELLS} 个单元格，超出导入上限；请拆分后分别导入"


def _ole_message(data: bytes) -> str:
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "文件已加密（设置了打开密码），无法导入：请取消密码后另存为 .xlsx/.docx 再导入"
    return "这是旧版 Office 格式（.xls/.doc）或已加密的文件，请另存为 .xlsx/.docx 后再导入"


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
