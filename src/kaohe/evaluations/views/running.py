"""The office runs an evaluation: its page with live counts, test / open / close / count,
codes printed as slips or sent as links; assessors settle the proposed deductions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from kaohe.cycles.access import is_assessor, is_office, may_record, require
from kaohe.evaluations import actions
from kaohe.evaluations.actions.running import ballot_link, code_entry_link
from kaohe.evaluations.forms import CodesForm, PaperForm, SendForm
from kaohe.evaluations.models import CodeBatch, Evaluation, EvaluatorGroup, ProposedDeduction
from kaohe.evaluations.presentation import count_outcome, live_counts
from kaohe.evaluations.slips import slips_document
from kaohe.evaluations.views.setup import find_evaluation, find_group, office_only
from kaohe.pdf import PdfUnavailable, docx_to_pdf

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@office_only
def detail(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    evaluation = find_evaluation(evaluation_id)
    is_test = evaluation.status == Evaluation.Status.TESTING
    groups = evaluation.groups.prefetch_related("dimensions", "units", "members")
    context = {
        "evaluation": evaluation,
        "groups": groups,
        "counts": live_counts(evaluation, is_test),
        "tally": tally_tables(evaluation),
        "proposals": evaluation.proposed_deductions.select_related("cycle_unit"),
        "codes_form": CodesForm(),
        "send_form": SendForm(),
        "paper_form": PaperForm(),
        "is_test": is_test,
    }
    return render(request, "evaluations/detail.html", context)


def tally_tables(evaluation: Evaluation) -> list[dict[str, Any]]:
    if evaluation.status != Evaluation.Status.COUNTED:
        return []
    return [
        {"group": group, "rows": group.tally_rows.select_related("cycle_unit")}
        for group in evaluation.groups.all()
    ]


def moved(
    step: Callable[..., Any], done: str | Callable[[str], str]
) -> Callable[..., HttpResponse]:
    """A view for one step of the evaluation's life; `done` says what happened, from the status
    the evaluation had before the step when it depends on it."""

    @require_POST
    @office_only
    def view(request: HttpRequest, evaluation_id: int) -> HttpResponse:
        evaluation = find_evaluation(evaluation_id)
        was = evaluation.status
        try:
            step(request.user, evaluation)
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, done if isinstance(done, str) else done(was))
        return redirect("evaluations:detail", evaluation_id=evaluation.pk)

    return view


start_test = moved(actions.start_test, "已开始试测：生成的测评码为试测码，正式开启时一并清除")


def opened(was: str) -> str:
    if was == Evaluation.Status.TESTING:
        return "测评已开启；试测码和试测票已清除"
    return "测评已开启"


open_evaluation = moved(actions.open_evaluation, opened)
close_evaluation = moved(actions.close_evaluation, "测评已结束，可以计票")


@require_POST
@office_only
def count(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    """Counts, then says what went to the scheme: a count whose groups all missed their quorum
    sends nothing, and the office is told so rather than that the scores were sent."""
    evaluation = find_evaluation(evaluation_id)
    try:
        actions.count_evaluation(request.user, evaluation)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        sent, outcome = count_outcome(evaluation)
        (messages.success if sent else messages.warning)(request, outcome)
    return redirect("evaluations:detail", evaluation_id=evaluation.pk)


SLIP_FILES = {"docx": DOCX, "pdf": "application/pdf"}


@require_POST
@office_only
def codes(request: HttpRequest, group_id: int) -> HttpResponse:
    """Draws a batch of codes and returns them as printable slips (Word or PDF), once."""
    group = find_group(group_id)
    form = CodesForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("请填写 1 到 5000 之间的数量")
        file_type = form.cleaned_data["file_type"] or "docx"
        size, site = form.cleaned_data["size"], request.build_absolute_uri("/")
        content = printed_slips(request.user, group, size, file_type, site)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    except PdfUnavailable as problem:
        messages.error(request, f"{problem}（本次未生成测评码）")
    else:
        response = HttpResponse(content, content_type=SLIP_FILES[file_type])
        name = f"{group.evaluation.name}-{group.name}-测评票.{file_type}"
        response["Content-Disposition"] = content_disposition_header(True, name)
        return response
    return redirect("evaluations:detail", evaluation_id=group.evaluation_id)


@transaction.atomic
def printed_slips(
    actor: Any, group: EvaluatorGroup, size: int, file_type: str, site: str = ""
) -> bytes:
    """The codes drawn and their slips made in one transaction: a PDF that cannot be made
    draws no codes (nobody would hold them)."""
    drawn = actions.issue_codes(actor, group, size)
    is_test = group.evaluation.status == Evaluation.Status.TESTING
    links = [ballot_link(code, site) for code in drawn]
    document = slips_document(group, drawn, links, is_test, code_entry_link(site))
    return docx_to_pdf(document) if file_type == "pdf" else document


@require_POST
@office_only
def send(request: HttpRequest, group_id: int) -> HttpResponse:
    group = find_group(group_id)
    form = SendForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("请选择发送方式并填写收件人")
        data = form.cleaned_data
        site = request.build_absolute_uri("/")
        sent = actions.send_codes(request.user, group, data["addresses"], data["kind"], site)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        kind = CodeBatch.Kind(form.cleaned_data["kind"]).label
        messages.success(request, f"已通过{kind}发送 {sent} 个测评链接（收件人未保存）")
    return redirect("evaluations:detail", evaluation_id=group.evaluation_id)


@login_required
def proposals(request: HttpRequest) -> HttpResponse:
    """The proposed deductions the user may settle (the office, the indicators' assessors)."""
    require(is_office(request.user) or is_assessor(request.user), "您没有需要处理的建议扣分")
    pending = ProposedDeduction.objects.filter(status=ProposedDeduction.Status.PENDING)
    rows = [
        p
        for p in pending.select_related("evaluation__cycle__scheme_version", "cycle_unit")
        if may_record(request.user, p.evaluation.cycle, p.node_path)
    ]
    return render(request, "evaluations/proposals.html", {"proposals": rows})


@require_POST
@login_required
def decide(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = get_object_or_404(ProposedDeduction, pk=proposal_id)
    confirm = request.POST.get("confirm") == "1"
    try:
        actions.decide_proposal(request.user, proposal, confirm)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, "已确认扣分" if confirm else "已记为不予扣分")
    return redirect("evaluations:proposals")
