"""考核结果通报: the office sets its details and asks for it as Word or PDF (made in the
background, kaohe.results.downloads)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import Role
from kaohe.cycles.models import Cycle
from kaohe.forms import StyledModelForm
from kaohe.results import downloads
from kaohe.results.bulletin.actions import set_bulletin_details
from kaohe.results.bulletin.wording import details_of
from kaohe.results.models import BulletinDetails
from kaohe.results.sources import snapshot_tabs, source_for
from kaohe.results.views.exports import started


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


@require_POST
@role_required(Role.OFFICE)
def bulletin_word(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle, pk=cycle_id)
    page = reverse("results:bulletin", args=[cycle.pk])
    title = f"关于{cycle.name}结果的通报（Word）"
    return started(request, downloads.bulletin_word, title, cycle, page)


@require_POST
@role_required(Role.OFFICE)
def bulletin_pdf(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle, pk=cycle_id)
    page = reverse("results:bulletin", args=[cycle.pk])
    title = f"关于{cycle.name}结果的通报（PDF）"
    return started(request, downloads.bulletin_pdf, title, cycle, page)
