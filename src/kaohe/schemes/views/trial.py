"""The try-it bench of the scheme editor: sample records and scores scored on the draft as it is
now, for one item or the whole scheme. Nothing is saved (``kaohe.schemes.trial``)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from kaohe.accounts.permissions import role_required
from kaohe.engine import Scheme, SchemeError
from kaohe.schemes.documents import scheme_from_text
from kaohe.schemes.editing.tree import EditRefused, position_of
from kaohe.schemes.editing.words import in_words
from kaohe.schemes.trial import node_at_position, run_trial, trial_bench, tried_units
from kaohe.schemes.views import can_edit_schemes
from kaohe.schemes.views.editor import draft_or_404


@require_http_methods(["GET", "POST"])
@role_required(*can_edit_schemes)
def try_draft(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    draft = draft_or_404(slug, number)
    if draft.is_published:
        messages.error(request, "已发布的方案版本不可修改，请新建草稿后试算")
        return redirect("schemes:version", slug=slug, number=number)
    context: dict[str, object] = {"draft": draft, "position": request.GET.get("node", "")}
    try:
        scheme = scheme_from_text(draft.document)
    except SchemeError as error:
        context["problems"] = [in_words(problem) for problem in error.problems]
        return render(request, "schemes/trial.html", context, status=422)
    root = tried_root(scheme, str(context["position"]))
    trial = trial_bench(scheme, root, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        run_trial(trial)
    context.update(trial=trial, root=root, units=tried_units(trial))
    return render(request, "schemes/trial.html", context)


def tried_root(scheme: Scheme, position: str) -> str:
    """The path of the item at ``position`` (the whole scheme for none or a wrong one)."""
    try:
        node = node_at_position(scheme, position_of(position)) if position else None
    except EditRefused:
        return ""
    return node.path if node is not None else ""
