"""One progress report: read it, edit it, attach evidence, submit, sign it off or send it back."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from kaohe import uploads
from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import CYCLE_ROLES, Role
from kaohe.cycles import access
from kaohe.forms import form_problems
from kaohe.progress import actions
from kaohe.progress.forms import ApproveForm, EvidenceForm, ProgressForm, ReturnForm
from kaohe.progress.models import Evidence, Submission
from kaohe.progress.periods import period_of
from kaohe.workdays.calendar import coverage_warning


def readable(request: HttpRequest, submission_id: int) -> Submission:
    """The submission, or 404 for anyone outside its unit, leaders, assessors and the office."""
    submission = get_object_or_404(
        Submission.objects.select_related(
            "cycle_unit__cycle", "cycle_unit__unit", "assignment__assessor"
        ),
        pk=submission_id,
    )
    if not access.may_read_report(request.user, submission):
        raise Http404("没有找到该报送")
    return submission


@role_required(*CYCLE_ROLES)
def detail(request: HttpRequest, submission_id: int) -> HttpResponse:
    submission = readable(request, submission_id)
    period = period_of(submission.cycle, submission.assignment, submission.period)
    may_edit = access.may_edit_report(request.user, submission) and submission.cycle.is_open
    return render(
        request,
        "progress/submission.html",
        {
            "submission": submission,
            "period": period,
            "deadline_warning": coverage_warning(period.due_on if period else None),
            "evidence": submission.evidence.all(),
            "sign_offs": submission.sign_offs.select_related("actor"),
            "may_edit": may_edit,
            "may_sign": access.may_sign(request.user, submission) and submission.cycle.is_open,
            "progress_form": ProgressForm(
                initial={"content": submission.content, "version": submission.version}
            ),
            "evidence_form": EvidenceForm(),
            "approve_form": ApproveForm(),
            "return_form": ReturnForm(),
        },
    )


def act(
    request: HttpRequest, submission_id: int, action: Callable[[], object], done: str
) -> HttpResponse:
    readable(request, submission_id)
    try:
        action()
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("progress:submission", submission_id)


@require_POST
@role_required(Role.REPORTER)
def save(request: HttpRequest, submission_id: int) -> HttpResponse:
    form = ProgressForm(request.POST)
    if not form.is_valid():
        readable(request, submission_id)
        messages.error(request, "请填写进展情况")
        return redirect("progress:submission", submission_id)
    data = form.cleaned_data
    return act(
        request,
        submission_id,
        lambda: actions.save_progress(
            request.user, submission_id, data["version"], data["content"]
        ),
        "已保存",
    )


@require_POST
@role_required(Role.REPORTER)
def upload(request: HttpRequest, submission_id: int) -> HttpResponse:
    keep_typed_text(request, readable(request, submission_id))
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "请选择要上传的文件")
        return redirect("progress:submission", submission_id)
    upload_file = form.cleaned_data["file"]
    return act(
        request,
        submission_id,
        lambda: actions.add_evidence(request.user, submission_id, upload_file),
        f"已上传「{uploads.clean_name(upload_file.name)}」",
    )


def keep_typed_text(request: HttpRequest, submission: Submission) -> None:
    """The report text typed before choosing a file comes with the upload and is saved first."""
    typed = ProgressForm(request.POST)
    if typed.is_valid() and typed.cleaned_data["content"].strip() != submission.content:
        data = typed.cleaned_data
        act(
            request,
            submission.pk,
            lambda: actions.save_progress(
                request.user, submission.pk, data["version"], data["content"]
            ),
            "已保存进展情况",
        )


@require_POST
@role_required(Role.REPORTER)
def submit(request: HttpRequest, submission_id: int) -> HttpResponse:
    return act(
        request, submission_id, lambda: actions.submit(request.user, submission_id), "已报送"
    )


@require_POST
@role_required(Role.DEPUTY_LEADER, Role.PRINCIPAL_LEADER, Role.OFFICE)
def approve(request: HttpRequest, submission_id: int) -> HttpResponse:
    form = ApproveForm(request.POST)

    def approve_with_the_opinion() -> object:
        if not form.is_valid():
            raise ValidationError(form_problems(form))
        return actions.approve(request.user, submission_id, form.cleaned_data["opinion"])

    return act(request, submission_id, approve_with_the_opinion, "已签批")


@require_POST
@role_required(Role.DEPUTY_LEADER, Role.PRINCIPAL_LEADER, Role.OFFICE)
def send_back(request: HttpRequest, submission_id: int) -> HttpResponse:
    form = ReturnForm(request.POST)

    def send_back_for_the_reason() -> object:
        if not form.is_valid():
            raise ValidationError(form_problems(form))
        return actions.send_back(request.user, submission_id, form.cleaned_data["reason"])

    return act(request, submission_id, send_back_for_the_reason, "已退回")


def readable_evidence(request: HttpRequest, evidence_id: int) -> Evidence:
    evidence = get_object_or_404(Evidence, pk=evidence_id)
    readable(request, evidence.submission_id)
    return evidence


@role_required(*CYCLE_ROLES)
def download(request: HttpRequest, evidence_id: int) -> HttpResponse:
    return uploads.download(
        request,
        Evidence.objects.select_related("submission__cycle_unit__unit", "submission__assignment"),
        evidence_id,
        lambda user, evidence: access.may_read_report(user, evidence.submission),
    )


@require_POST
@role_required(Role.REPORTER)
def remove_evidence(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = readable_evidence(request, evidence_id)
    return act(
        request,
        evidence.submission_id,
        lambda: actions.remove_evidence(request.user, evidence_id),
        f"已删除「{evidence.original_name}」",
    )
