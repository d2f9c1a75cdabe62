"""The voting page (phone first): with a one-time code in the URL and no account, or as a
named evaluator. One unit a screen, saved on the device as one goes, submitted once."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from kaohe.evaluations import actions
from kaohe.evaluations.access import accepting, may_vote
from kaohe.evaluations.actions.voting import code_holder
from kaohe.evaluations.codes import normalised
from kaohe.evaluations.marks import Form, comment_field, mark_field
from kaohe.evaluations.models import Grade
from kaohe.evaluations.views.setup import find_group

GRADES = [Grade.SATISFIED, Grade.FAIRLY, Grade.UNSATISFIED, Grade.UNKNOWN]


def screens(form: Form, data: Any) -> list[dict[str, Any]]:
    """One screen a unit: its questions (with what was posted, if the page comes back)."""
    data = data or {}
    return [
        {
            "unit": unit,
            "number": index,
            "comment_field": comment_field(unit),
            "comment": data.get(comment_field(unit), ""),
            "questions": [
                {
                    "dimension": dimension,
                    "field": mark_field(unit, dimension),
                    "value": data.get(mark_field(unit, dimension), ""),
                }
                for dimension in form.dimensions
            ],
        }
        for index, unit in enumerate(form.units, 1)
    ]


def ballot_page(request: HttpRequest, form: Form, key: str, problems: list[str]) -> HttpResponse:
    context = {
        "form": form,
        "group": form.group,
        "screens": screens(form, request.POST if problems else None),
        "grades": GRADES,
        "storage_key": f"kaohe-ballot-{key}",
        "problems": problems,
    }
    return render(request, "evaluations/ballot.html", context, status=400 if problems else 200)


@never_cache
def vote_with_code(request: HttpRequest, code: str) -> HttpResponse:
    code = normalised(code)
    problems: list[str] = []
    if request.method == "POST":
        try:
            actions.cast_with_code(code, request.POST)
        except ValidationError as error:
            problems = error.messages
        else:
            return redirect("evaluations:thanks")
    holder = code_holder(code)
    if holder is None:
        reason = "该测评码无效或已经使用过"
        return render(request, "evaluations/closed.html", {"reason": reason}, status=404)
    if not accepting(holder, test=holder.is_test):
        reason = "测评当前不接受填写"
        return render(request, "evaluations/closed.html", {"reason": reason}, status=403)
    return ballot_page(request, holder.form, code, problems)


@never_cache
@login_required
def vote(request: HttpRequest, group_id: int) -> HttpResponse:
    group = find_group(group_id)
    if not may_vote(request.user, group):
        return render(
            request,
            "evaluations/closed.html",
            {"reason": "您不能填写这张测评表（已填写、未开放或不是本组评议人）"},
            status=403,
        )
    form = actions.form_for(group, request.user)
    if request.method == "POST":
        try:
            actions.cast_as_member(request.user, group, request.POST)
        except ValidationError as error:
            return ballot_page(request, form, f"g{group.pk}", error.messages)
        return redirect("evaluations:thanks")
    return ballot_page(request, form, f"g{group.pk}", [])


def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "evaluations/thanks.html")
