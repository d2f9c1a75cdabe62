"""The files the results pages offer, made in the background (kaohe.downloads): the ranking and
a unit's breakdown as xlsx, the 考核结果通报 as docx and PDF. Each grows with the cycle (the PDF
also waits seconds for LibreOffice), so none is made in the request.

The request checks who may have the file and pins the results it shows (``params``: ``cycle``,
``snapshot`` as ?snapshot= names it, ``cycle_unit`` for a breakdown); the maker trusts them.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.downloads.jobs import DownloadFailed, Made, Progress, maker
from kaohe.downloads.models import Download
from kaohe.pdf import PdfUnavailable, docx_to_pdf
from kaohe.results.bulletin.actions import note_download
from kaohe.results.bulletin.document import bulletin_docx
from kaohe.results.bulletin.fonts import PDF_SUBSTITUTES
from kaohe.results.bulletin.wording import bulletin_for, details_of
from kaohe.results.exports import ranking_workbook, unit_workbook
from kaohe.results.presentation import breakdown_rows, section_names, veto_marks
from kaohe.results.sources import Source, snapshot_named, source_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CYCLE_GONE = "该考核周期已删除"


def pinned_source(download: Download) -> tuple[Cycle, Source]:
    found = Cycle.objects.select_related("scheme_version__scheme").filter(
        pk=download.params["cycle"]
    )
    cycle = found.first()
    if cycle is None:
        raise DownloadFailed(CYCLE_GONE)
    return cycle, source_of(cycle, snapshot_named(cycle, download.params["snapshot"]))


def subtitle(source: Source) -> str:
    if source.snapshot is not None:
        published = timezone.localtime(source.snapshot.published_at)
        return f"第 {source.snapshot.number} 次公示（{published:%Y年%m月%d日}）"
    return f"实时结果（导出于 {timezone.localtime():%Y年%m月%d日 %H:%M}）"


@maker
def ranking_xlsx(download: Download, progress: Progress) -> Made:
    cycle, source = pinned_source(download)
    progress.stage("正在生成排名表")
    title = f"{cycle}考核结果排名表"
    sections = section_names(cycle_scheme(cycle))
    content = ranking_workbook(title, subtitle(source), source.summary, sections)
    return Made(content, f"{title}.xlsx", XLSX)


@maker
def unit_xlsx(download: Download, progress: Progress) -> Made:
    cycle, source = pinned_source(download)
    cycle_unit = CycleUnit.objects.filter(pk=download.params["cycle_unit"], cycle=cycle).first()
    if cycle_unit is None:
        raise DownloadFailed("该单位已不在本考核周期中")
    progress.stage("正在生成得分明细")
    result = source.unit(cycle_unit) or {}
    rows = (
        breakdown_rows(result, source.records_of(cycle_unit), cycle_scheme(cycle)) if result else []
    )
    title = f"{cycle}{cycle_unit.label}考核得分明细"
    content = unit_workbook(title, subtitle(source), rows, unit_summary(result))
    return Made(content, f"{title}.xlsx", XLSX)


def unit_summary(result: dict[str, Any]) -> dict[str, Any]:
    return {
        "total": result.get("total"),
        "explanation": result.get("explanation", []),
        "rank": result.get("rank"),
        "grade": result.get("grade"),
        "vetoes": "、".join(veto_marks(result)) if result else "",
    }


def bulletin_document(cycle: Cycle, source: Source) -> bytes:
    """The 通报's docx of the results ``source`` holds."""
    sections = section_names(cycle_scheme(cycle))
    wording = bulletin_for(cycle, details_of(cycle), source.summary, sections, source.snapshot)
    return bulletin_docx(wording)


def bulletin_name(cycle: Cycle, suffix: str) -> str:
    return f"关于{cycle.name}结果的通报.{suffix}"


@maker
def bulletin_word(download: Download, progress: Progress) -> Made:
    cycle, source = pinned_source(download)
    progress.stage("正在生成 Word 通报")
    content = bulletin_document(cycle, source)
    note_download(download.requested_by, cycle, "Word", source.snapshot)
    return Made(content, bulletin_name(cycle, "docx"), DOCX)


@maker
def bulletin_pdf(download: Download, progress: Progress) -> Made:
    cycle, source = pinned_source(download)
    progress.stage("正在生成 Word 通报")
    word = bulletin_document(cycle, source)
    progress.stage("正在转换为 PDF")
    try:
        content = docx_to_pdf(word, PDF_SUBSTITUTES)
    except PdfUnavailable as problem:
        raise DownloadFailed(str(problem)) from problem
    note_download(download.requested_by, cycle, "PDF", source.snapshot)
    return Made(content, bulletin_name(cycle, "pdf"), "application/pdf")
