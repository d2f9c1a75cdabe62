"""Appeal pages: the list per cycle, filing, reading with the decision, evidence downloads."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from kaohe import engine, uploads
from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import CYCLE_ROLES
from kaohe.appeals import actions
from kaohe.appeals.forms import AppealForm, DecisionForm
from kaohe.appeals.models import Appeal, AppealEvidence
from kaohe.cycles.access import (
    cycles_with_results,
    may_decide_appeal,
    may_file_appeal,
    may_read_appeal,
    visible_appeals,
)
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Cycle, CycleUnit, EvaluationEntry, Record
from kaohe.forms import parse_id
from kaohe.results.actions import appeal_window_open, record_row
from kaohe.results.presentation import record_text


@role_required(*CYCLE_ROLES)
def appeal_list(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle, pk=cycle_id)
    if not cycles_with_results(request.user).filter(pk=cycle.pk).exists():
        raise PermissionDenied("您的单位不在该考核周期中")
    appeals = visible_appeals(request.user, cycle)
    own_units = cycle.cycle_units.filter(unit_id=request.user.unit_id)
    return render(
        request,
        "appeals/list.html",
        {
            "cycle": cycle,
            "appeals": appeals,
            "window_open": appeal_window_open(cycle),
            "fileable": [unit for unit in own_units if may_file_appeal(request.user, unit)],
            "first": cycle.snapshots.order_by("number").first(),
            "today": timezone.localdate(),
        },
    )


def target_choices(cycle_unit: CycleUnit) -> list[tuple[str, str]]:
    scheme = cycle_scheme(cycle_unit.cycle)
    records = [
        (f"r{record.pk}", f"考核记录：{record_text(record_row(record), scheme)}")
        for record in cycle_unit.records.order_by("id")
    ]
    items = [(f"n{node.path}", f"指标：{node.code} {node.path}") for node in scheme.nodes.values()]
    return records + items


@role_required(*CYCLE_ROLES)
def new_appeal(request: HttpRequest, cycle_id: int, cycle_unit_id: int) -> HttpResponse:
    cycle_unit = get_object_or_404(
        CycleUnit.objects.select_related("cycle__scheme_version", "unit"),
        pk=cycle_unit_id,
        cycle_id=cycle_id,
    )
    if not may_file_appeal(request.user, cycle_unit):
        raise PermissionDenied("只有本单位的填报人或领导可以提出申诉")
    choices = target_choices(cycle_unit)
    form = AppealForm(request.POST or None, request.FILES or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["target"]
        try:
            appeal = actions.file_appeal(
                request.user,
                cycle_unit,
                form.cleaned_data["reason"],
                record_id=parse_id(target[1:]) if target.startswith("r") else None,
                node_path=target[1:] if target.startswith("n") else "",
                files=form.cleaned_data["files"],
            )
        except ValidationError as error:
            for problem in error.messages:
                form.add_error(None, problem)
        else:
            messages.success(request, "申诉已提交，请等待答复")
            return redirect("appeals:detail", cycle_id=cycle_id, appeal_id=appeal.pk)
    return render(
        request,
        "appeals/new.html",
        {
            "cycle": cycle_unit.cycle,
            "cycle_unit": cycle_unit,
            "form": form,
            "window_open": appeal_window_open(cycle_unit.cycle),
        },
    )


def readable_appeal(request: HttpRequest, cycle_id: int, appeal_id: int) -> Appeal:
    appeal = get_object_or_404(
        Appeal.objects.select_related("cycle", "cycle_unit__unit", "snapshot", "republished"),
        pk=appeal_id,
        cycle_id=cycle_id,
    )
    if not may_read_appeal(request.user, appeal):
        raise PermissionDenied("您无权查看该申诉")
    return appeal


def decision_form(appeal: Appeal, data: object = None) -> DecisionForm:
    scheme = cycle_scheme(appeal.cycle)
    records = Record.objects.filter(unit=appeal.cycle_unit).order_by("id")
    choices = [
        (r.pk, record_text(record_row(r), scheme))
        for r in records
        if engine.within(r.indicator, appeal.node_path)
    ]
    rules = [
        (rule.id, f"{scheme.nodes[rule.node_path].name}：{rule.title}")
        for rule in scheme.rules.values()
        if engine.within(rule.node_path, appeal.node_path)
    ]
    entries = EvaluationEntry.objects.filter(cycle_unit=appeal.cycle_unit).order_by("id")
    evaluations = [
        (entry.pk, evaluation_text(entry, scheme))
        for entry in entries
        if engine.within(entry.node_path, appeal.node_path)
    ]
    return DecisionForm(
        data,
        records=choices,
        rules=rules,
        evaluations=evaluations,
        initial={"record": appeal.record_id},
    )


def evaluation_text(entry: EvaluationEntry, scheme: engine.Scheme) -> str:
    node = scheme.nodes.get(entry.node_path)
    round_name = f"（{entry.round}）" if entry.round else ""
    return f"{node.name if node else entry.node_path}：{entry.group}{round_name} {entry.score} 分"


@role_required(*CYCLE_ROLES)
def appeal_detail(request: HttpRequest, cycle_id: int, appeal_id: int) -> HttpResponse:
    return show_appeal(request, readable_appeal(request, cycle_id, appeal_id))


def show_appeal(
    request: HttpRequest, appeal: Appeal, form: DecisionForm | None = None
) -> HttpResponse:
    """The appeal; a refused decision comes back in its form, as typed, for correcting."""
    decidable = appeal.is_pending and may_decide_appeal(request.user, appeal)
    return render(
        request,
        "appeals/detail.html",
        {
            "cycle": appeal.cycle,
            "appeal": appeal,
            "evidence": appeal.evidence.all(),
            "form": (form or decision_form(appeal)) if decidable else None,
        },
    )


@require_POST
@role_required(*CYCLE_ROLES)
def decide(request: HttpRequest, cycle_id: int, appeal_id: int) -> HttpResponse:
    appeal = readable_appeal(request, cycle_id, appeal_id)
    if not may_decide_appeal(request.user, appeal):
        raise PermissionDenied("只有考核办或负责该指标的考评单位可以答复申诉")
    form = decision_form(appeal, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        correction = actions.Correction(
            record_id=data["record"],
            count=data["count"],
            value=data["value"],
            withdraw=data["withdraw"],
            add_rule=data["add_rule"],
            level=data["level"],
            evaluation_id=data["evaluation"],
            score=data["score"],
        )
        try:
            actions.decide_appeal(
                request.user, appeal.pk, data["outcome"] == "upheld", data["decision"], correction
            )
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
        else:
            messages.success(request, "申诉已答复")
            return redirect("appeals:detail", cycle_id=cycle_id, appeal_id=appeal.pk)
    else:
        for field, problems in form.errors.items():
            for problem in problems:
                messages.error(
                    request,
                    f"{form.fields[field].label if field in form.fields else ''}：{problem}",
                )
    return show_appeal(request, appeal, form)


@role_required(*CYCLE_ROLES)
def download_evidence(request: HttpRequest, evidence_id: int) -> FileResponse:
    return uploads.download(
        request,
        AppealEvidence.objects.select_related("appeal__cycle", "appeal__cycle_unit__unit"),
        evidence_id,
        lambda user, evidence: may_read_appeal(user, evidence.appeal),
    )
