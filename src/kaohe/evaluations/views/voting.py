"""The voting page (phone first): with a one-time code in the URL and no account, or as a
named evaluator. One unit a screen, saved on the device as one goes, submitted once."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from kaohe.evaluations import actions
from kaohe.evaluations.access import accepting, may_vote
from kaohe.evaluations.actions.voting import NOT_ACCEPTING, REFUSED_CODE, code_holder
from kaohe.evaluations.codes import normalised
from kaohe.evaluations.marks import Form, comment_field, mark_field
from kaohe.evaluations.models import Grade
from kaohe.evaluations.views.setup import find_group

GRADES = [Grade.SATISFIED, Grade.FAIRLY, Grade.UNSATISFIED, Grade.UNKNOWN]
JSON = "application/json"  # how the page's script posts a ballot
# A refused ballot's answer to the script, as the page would answer: a code that is none or is
# used 404, an evaluation not taking ballots 403, marks that do not pass 400.
REFUSAL_STATUS = {"refused_code": 404, "not_accepting": 403}


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


def enter_code(request: HttpRequest) -> HttpResponse:
    """For a phone that cannot scan the slip's QR code: the code typed in opens its page. Nothing
    is looked up here; the code's page says whether it can still vote."""
    code = normalised(request.GET.get("code", ""))
    if code:
        return redirect("evaluations:vote_with_code", code=code)
    typed = "code" in request.GET
    return render(request, "evaluations/enter_code.html", {"typed": typed})


def vote_with_code(request: HttpRequest, code: str) -> HttpResponse:
    """The page a code opens. The page's script posts the marks as one JSON body (the CSRF
    token in its header) and is answered in a few bytes; a phone without script posts the
    form and is sent to the thanks page. Both ballots are read by ``cast_with_code``."""
    code = normalised(code)
    if request.method == "POST" and request.content_type == JSON:
        return answer_to_script(lambda data: actions.cast_with_code(code, data), request.body)
    return ballot_form(request, code)


def answer_to_script(cast: Callable[[dict[str, str]], None], body: bytes) -> HttpResponse:
    """The script's ballot cast: 204 once stored, else its problems in Chinese, as JSON."""
    try:
        cast(posted_marks(body))
    except ValidationError as error:
        status = REFUSAL_STATUS.get(getattr(error, "code", None) or "", 400)
        answer: HttpResponse = JsonResponse({"problems": error.messages}, status=status)
    else:
        answer = HttpResponse(status=204)
    answer["Cache-Control"] = "no-store"
    return answer


def posted_marks(body: bytes) -> dict[str, str]:
    """The script's JSON body: an object of the form's field names and their values."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, or nested past what it parses
        data = None
    is_marks = isinstance(data, dict) and all(isinstance(v, str) for v in data.values())
    if not is_marks:
        raise ValidationError("提交的内容无法识别，请刷新页面后重新提交")
    return data  # type: ignore[return-value]


@never_cache
def ballot_form(request: HttpRequest, code: str) -> HttpResponse:
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
        return render(request, "evaluations/closed.html", {"reason": REFUSED_CODE}, status=404)
    if not accepting(holder, test=holder.is_test):
        return render(request, "evaluations/closed.html", {"reason": NOT_ACCEPTING}, status=403)
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
    if request.method == "POST" and request.content_type == JSON:
        cast = functools.partial(actions.cast_as_member, request.user, group)
        return answer_to_script(cast, request.body)
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
