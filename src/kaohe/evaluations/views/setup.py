"""The office's pages to set an evaluation up: the list, its settings, its groups."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import Role
from kaohe.cycles.models import Cycle
from kaohe.evaluations import actions
from kaohe.evaluations.forms import EvaluationForm, GroupForm
from kaohe.evaluations.models import Evaluation, EvaluatorGroup

office_only = role_required(Role.OFFICE)


def find_evaluation(evaluation_id: int) -> Evaluation:
    return get_object_or_404(
        Evaluation.objects.select_related("cycle__scheme_version"), pk=evaluation_id
    )


def find_group(group_id: int) -> EvaluatorGroup:
    return get_object_or_404(
        EvaluatorGroup.objects.select_related("evaluation__cycle__scheme_version"), pk=group_id
    )


@office_only
def index(request: HttpRequest) -> HttpResponse:
    cycles = Cycle.objects.prefetch_related("evaluations").order_by("-starts_on", "-id")
    return render(request, "evaluations/index.html", {"cycles": cycles})


@office_only
def new(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle.objects.select_related("scheme_version"), pk=cycle_id)
    form = EvaluationForm(request.POST or None, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        try:
            evaluation = actions.create_evaluation(request.user, cycle, **form.values())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已发起测评「{evaluation}」，请设置评议组")
            return redirect("evaluations:detail", evaluation_id=evaluation.pk)
    return render(request, "evaluations/settings.html", {"form": form, "cycle": cycle})


@office_only
def edit(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    evaluation = find_evaluation(evaluation_id)
    form = EvaluationForm(request.POST or None, instance=evaluation, cycle=evaluation.cycle)
    if request.method == "POST" and form.is_valid():
        try:
            actions.change_evaluation(request.user, evaluation, **form.values())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "测评设置已保存")
            return redirect("evaluations:detail", evaluation_id=evaluation.pk)
    context = {"form": form, "cycle": evaluation.cycle, "evaluation": evaluation}
    return render(request, "evaluations/settings.html", context)


@office_only
def group_new(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    return group_page(request, find_evaluation(evaluation_id), None)


@office_only
def group_edit(request: HttpRequest, group_id: int) -> HttpResponse:
    group = find_group(group_id)
    return group_page(request, group.evaluation, group)


def group_page(
    request: HttpRequest, evaluation: Evaluation, group: EvaluatorGroup | None
) -> HttpResponse:
    form = GroupForm(request.POST or None, instance=group, evaluation=evaluation)
    if request.method == "POST" and form.is_valid():
        try:
            save_group(request.user, evaluation, form, group)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"评议组「{form.cleaned_data['name']}」已保存")
            return redirect("evaluations:detail", evaluation_id=evaluation.pk)
    context = {"form": form, "evaluation": evaluation, "group": group}
    return render(request, "evaluations/group.html", context)


def save_group(user: Any, evaluation: Evaluation, form: GroupForm, group: Any) -> None:
    data = form.cleaned_data
    actions.set_group(
        user,
        evaluation,
        form.values(),
        data["dimension_lines"],
        group=group,
        units=data["units"],
        members=data["members"],
    )


@require_POST
@office_only
def group_remove(request: HttpRequest, group_id: int) -> HttpResponse:
    group = find_group(group_id)
    try:
        actions.remove_group(request.user, group)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"已删除评议组「{group.name}」")
    return redirect("evaluations:detail", evaluation_id=group.evaluation_id)
