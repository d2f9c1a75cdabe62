"""Assessment documents (xlsx, docx, plain text) → a canonical scheme plus an import report.

imported = import_document("细则.xlsx", data)
imported.scheme   # a plain dict in the kaohe-scheme/1 format
imported.report   # indicators found, points per level, rules read and flagged, cells ignored
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kaohe.textrules.normalize import to_simplified
from kaohe.transfer.importers import docx, text, xlsx  # noqa: F401 — they register themselves
from kaohe.transfer.importers.assemble import FORMAT, assemble
from kaohe.transfer.importers.cells import scoring_words
from kaohe.transfer.importers.drafts import Draft
from kaohe.transfer.importers.embedded import carried_scheme, restore
from kaohe.transfer.importers.ignored import place_ignored_scoring, scoring_free_title
from kaohe.transfer.importers.labels import name_rules
from kaohe.transfer.importers.prose import weighted_sections
from kaohe.transfer.importers.registry import IMPORTERS, Reading
from kaohe.transfer.importers.report import ImportReport
from kaohe.transfer.importers.scoring_kept import scoring_in
from kaohe.transfer.importers.sections import lift_column_names
from kaohe.transfer.importers.settle import settle
from kaohe.transfer.importers.stream import read_stream
from kaohe.transfer.importers.unread import keep_unread_scoring
from kaohe.transfer.importers.validation import add_grades, pending_work, validate
from kaohe.transfer.limits import MAX_CRITERIA_CHARS, MAX_FILE_BYTES, ImportRefused, check_upload
from kaohe.transfer.oserrors import reason

__all__ = [
    "IMPORTERS",
    "ImportRefused",
    "ImportReport",
    "Imported",
    "import_document",
    "import_file",
]


@dataclass(frozen=True)
class Imported:
    scheme: dict[str, Any]
    report: ImportReport


def import_file(path: str | Path, *, scheme_id: str | None = None) -> Imported:
    """Import a document from disk; the size is checked before the file is read."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportRefused(
                f"文件过大（{size / 1024 / 1024:.1f} MB），"
                f"导入上限为 {MAX_FILE_BYTES // 1024 // 1024} MB"
            )
        data = file.read_bytes()
    except OSError as error:
        raise ImportRefused(f"无法读取文件「{file}」：{reason(error)}") from error
    return import_document(file.name, data, scheme_id=scheme_id)


def import_document(
    name: str, data: bytes, *, scheme_id: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> Imported:
    """Import one uploaded document. Raises ImportRefused for files that cannot be imported."""
    upload = check_upload(name, data, max_bytes)
    report = ImportReport(source=name, kind=upload.kind)
    reading = IMPORTERS[upload.kind](upload, report)
    if _criteria_size(reading.root) > MAX_CRITERIA_CHARS:
        raise ImportRefused(
            f"评分标准文字超过 {MAX_CRITERIA_CHARS} 字，超出导入上限；请拆分后分别导入"
        )
    root = _better_reading(reading, report)
    lift_column_names(root, report)
    title = scoring_free_title(reading.title, Path(name).stem, report)
    identity = {"format": FORMAT, "id": scheme_id or _slug(name), "name": title}
    if root.children:
        place_ignored_scoring(root, reading.cells or reading.prose, report)
        scheme = assemble(root, scheme_id=identity["id"], name=title, report=report)
        settle(scheme, report)
        keep_unread_scoring(scheme, report)
    elif described := weighted_sections(reading.prose or "", report):
        scheme = {**identity, **described}
    else:
        raise ImportRefused(
            "未在文件中找到考核指标：请确认文件含有带表头"
            "（如 一级指标、分值、考核要点及评价标准）的指标表，或带分值的编号条目，"
            "或写明各部分所占比例（如 其中指标考核占70%，公众评议占30%）"
        )
    name_rules(scheme)
    add_grades(scheme, reading.prose, report)
    carried = carried_scheme(upload.data) if upload.kind != "text" else None
    if carried is not None:
        restore(scheme, carried, report)
        if scheme_id:
            scheme["id"] = scheme_id
    report.scheme_problems.extend(validate(scheme))
    report.pending.extend(pending_work(scheme, report))
    return Imported(scheme=scheme, report=report)


def _better_reading(reading: Reading, report: ImportReport) -> Draft:
    """The table or outline the importer read, unless reading the document as a stream of cells
    carries more than twice its scoring words (then that, with its own ignored cells).
    A document with weights but no indicator table (seed 001) keeps its empty tree."""
    whole, found = reading.cells or reading.prose, scoring_in(reading.root)
    if scoring_words(to_simplified(whole)) <= 2 * found + 1:
        return reading.root  # the stream cannot carry more than the whole text holds
    streamed = ImportReport(source=report.source, kind=report.kind)
    stream = read_stream(whole, streamed)
    if scoring_in(stream) <= 2 * found + 1:
        return reading.root
    if not reading.root.children and weighted_sections(reading.prose or "", ImportReport("", "")):
        return reading.root
    report.take_ignored(streamed)
    return stream


def _criteria_size(draft: Draft) -> int:
    return sum(map(len, draft.criteria)) + sum(_criteria_size(child) for child in draft.children)


def _slug(name: str) -> str:
    """An id from the file name; Chinese names keep apart by a short digest of the name."""
    stem = Path(name).stem.lower()
    slug = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")
    if len(slug) >= 3 and stem.isascii():
        return slug
    digest = hashlib.sha1(stem.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else f"scheme-{digest}"
