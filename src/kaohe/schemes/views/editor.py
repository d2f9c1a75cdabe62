"""The scheme editor: a draft's tree, nodes, rules and settings edited in forms.

Each POST names one change; the view parses it, calls ``actions.edit_draft`` once and sends
the person back to the node. A refused change saves nothing and says why, naming the field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from kaohe.accounts.permissions import role_required
from kaohe.engine import FormulaError, rule_kinds
from kaohe.engine.formula import parse_for_sections
from kaohe.schemes import actions, rule_forms
from kaohe.schemes.editing import edits, rules
from kaohe.schemes.editing.edits import Edit
from kaohe.schemes.editing.tree import EditRefused, node_at, position_of, position_text
from kaohe.schemes.editing.words import FIELD_LABELS
from kaohe.schemes.editor_page import EditorPage, editor_page
from kaohe.schemes.forms import NodeForm, SettingsForm
from kaohe.schemes.models import SchemeVersion
from kaohe.schemes.presentation import draft_rows
from kaohe.schemes.readiness import readings_for
from kaohe.schemes.views import can_edit_schemes
from kaohe.transfer.scheme_file import parse_scheme_text

MakeEdit = Callable[[dict[str, Any]], Edit]


def draft_or_404(slug: str, number: int) -> SchemeVersion:
    return get_object_or_404(
        SchemeVersion.objects.select_related("scheme"), scheme__slug=slug, number=number
    )


@require_GET
@role_required(*can_edit_schemes)
def editor(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    draft = draft_or_404(slug, number)
    if draft.is_published:
        messages.error(request, "已发布的方案版本不可修改，请新建草稿")
        return redirect("schemes:version", slug=slug, number=number)
    page = editor_page(draft, request.GET.get("node", ""), request.GET.get("confirm", ""))
    return render(request, "schemes/editor.html", editor_context(page))


def editor_context(page: EditorPage) -> dict[str, Any]:
    rows = list(draft_rows(page.data)) if page.data and not page.node else []
    return {"page": page, "draft": page.draft, "rows": rows}


@require_POST
@role_required(*can_edit_schemes)
def editor_change(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    draft = draft_or_404(slug, number)
    post, change = request.POST, request.POST.get("change", "")
    form: forms.Form | None = None
    try:
        if change in FORM_CHANGES:
            form, make_edit = FORM_CHANGES[change](post)
            if not form.is_valid():
                return refused(request, draft, post, form, [])
        elif change in CHANGES:
            make_edit = CHANGES[change](post)
        else:
            raise EditRefused([f"未知的修改「{change}」"])
        edit = actions.edit_draft(request.user, draft, make_edit, post.get("revision", ""))
    except EditRefused as error:
        return refused(request, draft, post, None, error.messages)
    except ValidationError as error:
        return refused(request, draft, post, form, error.messages)
    messages.success(request, f"已保存：{edit.describe}")
    return back_to(draft, position_text(edit.place))


def refused(
    request: HttpRequest,
    draft: SchemeVersion,
    post: QueryDict,
    form: forms.Form | None,
    problems: list[str],
) -> HttpResponse:
    """Nothing was saved: a form comes back as typed, with the problems on the fields they
    name; other changes go back to the node with the problems as messages."""
    if draft.is_published or form is None:
        for problem in problems:
            messages.error(request, problem)
        if draft.is_published:
            return redirect("schemes:version", slug=draft.scheme.slug, number=draft.number)
        return back_to(draft, post.get("node", ""))
    for problem in problems:
        form.add_error(field_named(form, problem), problem)
    key = form.prefix or ("settings" if isinstance(form, SettingsForm) else "node")
    page = editor_page(draft, post.get("node", ""), bound={key: form})
    return render(request, "schemes/editor.html", editor_context(page), status=422)


def field_named(form: forms.Form, problem: str) -> str | None:
    """The form field a problem names by its label (「每次分值」应为数字 → amount)."""
    for name, field in form.fields.items():
        label = str(field.label or FIELD_LABELS.get(name, ""))
        if label and f"「{label}」" in problem:
            return name
    return None


def back_to(draft: SchemeVersion, position: str) -> HttpResponse:
    url = reverse("schemes:editor", args=[draft.scheme.slug, draft.number])
    return redirect(f"{url}?node={position}#node" if position else url)


def place(post: QueryDict, key: str = "node") -> tuple[int, ...]:
    return position_of(post.get(key, ""))


def index_of(post: QueryDict) -> int:
    try:
        return int(post.get("index", ""))
    except ValueError as error:
        raise EditRefused(["请选择一条规则"]) from error


def settle_edit(post: QueryDict) -> MakeEdit:
    """A flagged rule settled as one of the reader's readings (「reading」 is its number), or
    as it is (no number)."""
    position, index, choice = place(post), index_of(post), post.get("reading", "")

    def make(data: dict[str, Any]) -> Edit:
        if not choice:
            return rules.settle_rule(data, position, index, None)
        rule = rules.rule_at(data, position, index)
        readings = readings_for(rule, node_at(data, position).get("points"))
        if not choice.isdigit() or int(choice) >= len(readings):
            raise EditRefused(["这个识别结果已不存在，请刷新页面"])
        return rules.settle_rule(data, position, index, readings[int(choice)])

    return make


def add_rule_edit(post: QueryDict) -> MakeEdit:
    kind = post.get("kind", "")
    if kind not in rule_kinds():
        raise EditRefused(["请选择规则类型"])
    position = place(post)
    return lambda data: rules.add_rule(data, position, kind, rule_forms.defaults_for(kind))


CHANGES: dict[str, Callable[[QueryDict], MakeEdit]] = {
    "rename": lambda post: lambda data: edits.rename_node(data, place(post), post.get("name", "")),
    "move": lambda post: lambda data: edits.move_node(data, place(post), post.get("direction", "")),
    "add": lambda post: (
        lambda data: edits.add_node(
            data, place(post) if post.get("node") else (), post.get("name", "")
        )
    ),
    "delete": lambda post: lambda data: edits.delete_node(data, place(post)),
    "add_rule": add_rule_edit,
    "delete_rule": lambda post: lambda data: rules.delete_rule(data, place(post), index_of(post)),
    "settle": settle_edit,
}


def node_change(post: QueryDict) -> tuple[forms.Form, MakeEdit]:
    form = NodeForm(post, group=post.get("group") == "1")
    position = place(post)
    return form, lambda data: edits.change_node(data, position, form.values())


def settings_change(post: QueryDict) -> tuple[forms.Form, MakeEdit]:
    form = SettingsForm(post)
    return form, lambda data: edits.change_settings(data, form.values())


def rule_change(post: QueryDict) -> tuple[forms.Form, MakeEdit]:
    position, index = place(post), index_of(post)
    form = rule_forms.rule_form(post.get("kind", ""), post, prefix=f"rule-{index}")
    return form, lambda data: rules.change_rule(data, position, index, form.values())


FORM_CHANGES: dict[str, Callable[[QueryDict], tuple[forms.Form, MakeEdit]]] = {
    "node": node_change,
    "settings": settings_change,
    "rule": rule_change,
}


@require_GET
@role_required(*can_edit_schemes)
def formula_check(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Checks a formula as it is typed, against the draft's sections: the error and where."""
    draft = draft_or_404(slug, number)
    formula = request.GET.get("formula", "")
    try:
        data = parse_scheme_text(draft.document)
        sections = [str(node.get("name", "")) for node in (data or {}).get("sections") or []]
    except Exception:
        sections = []
    context: dict[str, Any] = {"formula": formula, "sections": sections}
    if formula.strip():
        try:
            parse_for_sections(formula, sections)
        except FormulaError as error:
            context.update(error=error.message, place=error.position + 1)
            context.update(before=formula[: error.position], after=formula[error.position :])
    return render(request, "schemes/formula_check.html", context)
