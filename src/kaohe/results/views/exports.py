"""xlsx downloads of the ranking (office) and of one unit's breakdown (that unit and office)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import content_disposition_header

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import Role
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Cycle
from kaohe.results.exports import ranking_workbook, unit_workbook
from kaohe.results.presentation import breakdown_rows, section_names, veto_marks
from kaohe.results.sources import Source, source_for
from kaohe.results.views.unit import find_cycle_unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def subtitle(source: Source) -> str:
    if source.snapshot is not None:
        published = timezone.localtime(source.snapshot.published_at)
        return f"第 {source.snapshot.number} 次公示（{published:%Y年%m月%d日}）"
    return f"实时结果（导出于 {timezone.localtime():%Y年%m月%d日 %H:%M}）"


def xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@role_required(Role.OFFICE)
def export_ranking(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle, pk=cycle_id)
    source = source_for(request, cycle)
    title = f"{cycle}考核结果排名表"
    sections = section_names(cycle_scheme(cycle))
    content = ranking_workbook(title, subtitle(source), source.summary, sections)
    return xlsx(content, f"{title}.xlsx")


@login_required
def export_unit(request: HttpRequest, cycle_id: int, cycle_unit_id: int) -> HttpResponse:
    cycle_unit = find_cycle_unit(request, cycle_id, cycle_unit_id)
    cycle = cycle_unit.cycle
    source = source_for(request, cycle)
    result = source.unit(cycle_unit) or {}
    rows = (
        breakdown_rows(result, source.records_of(cycle_unit), cycle_scheme(cycle)) if result else []
    )
    summary = {
        "total": result.get("total"),
        "explanation": result.get("explanation", []),
        "rank": result.get("rank"),
        "grade": result.get("grade"),
        "vetoes": "、".join(veto_marks(result)) if result else "",
    }
    title = f"{cycle}{cycle_unit.label}考核得分明细"
    return xlsx(unit_workbook(title, subtitle(source), rows, summary), f"{title}.xlsx")
