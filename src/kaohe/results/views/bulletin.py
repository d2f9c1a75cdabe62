"""考核结果通报: the office sets its details and downloads it as Word or PDF."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import Role
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Cycle
from kaohe.forms import StyledModelForm
from kaohe.pdf import PdfUnavailable, docx_to_pdf
from kaohe.results.bulletin.actions import note_download, set_bulletin_details
from kaohe.results.bulletin.document import bulletin_docx
from kaohe.results.bulletin.fonts import PDF_SUBSTITUTES
from kaohe.results.bulletin.wording import bulletin_for, details_of
from kaohe.results.models import BulletinDetails
from kaohe.results.presentation import section_names
from kaohe.results.sources import Source, snapshot_tabs, source_for

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DetailsForm(StyledModelForm):
    class Meta:
        model = BulletinDetails
        fields = ("mark", "number", "addressees", "signature", "dated")
        widgets = {"dated": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {
            "mark": "红色版头，如「张家港市考核办文件」",
            "number": "如「张考〔2020〕3号」，年份用六角括号〔〕",
            "addressees": "如「各科室」「各被考核单位」，不加冒号",
        }


@role_required(Role.OFFICE)
def bulletin(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle.objects.select_related("scheme_version__scheme"), pk=cycle_id)
    form = DetailsForm(request.POST or None, instance=details_of(cycle))
    if request.method == "POST" and form.is_valid():
        set_bulletin_details(request.user, cycle, form.cleaned_data)
        messages.success(request, "通报设置已保存")
        return redirect("results:bulletin", cycle_id=cycle.pk)
    source = source_for(request, cycle)
    return render(
        request,
        "results/bulletin.html",
        {"cycle": cycle, "form": form, "source": source, "snapshots": snapshot_tabs(cycle)},
    )


def bulletin_document(request: HttpRequest, cycle: Cycle) -> tuple[bytes, Source]:
    """The docx of the results the page shows (?snapshot= as on the ranking)."""
    source = source_for(request, cycle)
    sections = section_names(cycle_scheme(cycle))
    wording = bulletin_for(cycle, details_of(cycle), source.summary, sections, source.snapshot)
    return bulletin_docx(wording), source


def download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@role_required(Role.OFFICE)
def bulletin_word(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle.objects.select_related("scheme_version__scheme"), pk=cycle_id)
    content, source = bulletin_document(request, cycle)
    note_download(request.user, cycle, "Word", source.snapshot)
    return download(content, DOCX, f"关于{cycle.name}结果的通报.docx")


@role_required(Role.OFFICE)
def bulletin_pdf(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle.objects.select_related("scheme_version__scheme"), pk=cycle_id)
    word, source = bulletin_document(request, cycle)
    try:
        content = docx_to_pdf(word, PDF_SUBSTITUTES)
    except PdfUnavailable as problem:
        messages.error(request, str(problem))
        return redirect(f"{reverse('results:bulletin', args=[cycle.pk])}?{source.query}")
    note_download(request.user, cycle, "PDF", source.snapshot)
    return download(content, "application/pdf", f"关于{cycle.name}结果的通报.pdf")
