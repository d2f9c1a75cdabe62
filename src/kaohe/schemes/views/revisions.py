"""A draft's revisions: the list, a side-by-side diff of any two, restoring an earlier one; and
the same diff between two versions (this year's scheme against last year's)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from kaohe.accounts.permissions import role_required
from kaohe.engine import SchemeError
from kaohe.forms import parse_id
from kaohe.schemes import actions
from kaohe.schemes.editing.diff import scheme_changes
from kaohe.schemes.models import SchemeRevision, SchemeVersion
from kaohe.schemes.views import can_edit_schemes, can_read_schemes
from kaohe.schemes.views.editor import draft_or_404
from kaohe.transfer.scheme_file import parse_scheme_text


def document_data(document: str) -> Any:
    """A document's plain data for the diff; one that cannot be read compares as empty."""
    try:
        return parse_scheme_text(document)
    except SchemeError:
        return {}


@require_GET
@role_required(*can_edit_schemes)
def revision_list(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    version = draft_or_404(slug, number)
    revisions = list(version.revisions.select_related("created_by"))
    return render(request, "schemes/revisions.html", {"version": version, "revisions": revisions})


@require_GET
@role_required(*can_edit_schemes)
def revision_compare(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    version = draft_or_404(slug, number)
    chosen = [parse_id(request.GET.get(side, "")) for side in ("a", "b")]
    found = {r.number: r for r in version.revisions.filter(number__in=[n for n in chosen if n])}
    if not all(n in found for n in chosen):
        messages.error(request, "请选择要比较的两次修订")
        return redirect("schemes:revisions", slug=slug, number=number)
    left, right = (found[n] for n in chosen if n)
    return render_diff(request, version, revision_title(left), revision_title(right), left, right)


def revision_title(revision: SchemeRevision) -> str:
    return f"第 {revision.number} 次修订（{revision.describe}）"


def render_diff(
    request: HttpRequest, version: SchemeVersion, left: str, right: str, old: Any, new: Any
) -> HttpResponse:
    changes = scheme_changes(document_data(old.document), document_data(new.document))
    context = {"version": version, "left": left, "right": right, "changes": changes}
    return render(request, "schemes/diff.html", context)


@require_POST
@role_required(*can_edit_schemes)
def revision_restore(request: HttpRequest, slug: str, number: int, revision: int) -> HttpResponse:
    draft = draft_or_404(slug, number)
    try:
        restored = actions.restore_revision(request.user, draft, revision)
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
        return redirect("schemes:revisions", slug=slug, number=number)
    messages.success(request, f"已恢复为第 {revision} 次修订，保存为第 {restored.number} 次修订")
    return redirect("schemes:editor", slug=slug, number=number)


@require_GET
@role_required(*can_read_schemes)
def version_compare(request: HttpRequest) -> HttpResponse:
    """Two versions side by side: published ones for every reader, drafts too for the office."""
    versions = comparable_versions(request)
    chosen = [parse_id(request.GET.get(side, "")) for side in ("a", "b")]
    found = {v.pk: v for v in versions if v.pk in chosen}
    if not all(pk in found for pk in chosen):
        context = {"versions": versions, "chosen": chosen}
        return render(request, "schemes/compare.html", context)
    old, new = (found[pk] for pk in chosen if pk)
    return render_diff(request, new, version_title(old), version_title(new), old, new)


def comparable_versions(request: HttpRequest) -> list[SchemeVersion]:
    versions = SchemeVersion.objects.select_related("scheme").order_by("scheme__name", "number")
    if not request.user.has_role(*can_edit_schemes):
        versions = versions.filter(status=SchemeVersion.Status.PUBLISHED)
    return list(versions)


def version_title(version: SchemeVersion) -> str:
    return f"{version.scheme.name} 第 {version.number} 版（{version.get_status_display()}）"
