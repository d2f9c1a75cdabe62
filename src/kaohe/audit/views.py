from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kaohe.accounts.permissions import can_read_audit, role_required
from kaohe.audit.models import Action, AuditEntry
from kaohe.audit.presentation import entry_rows
from kaohe.forms import search_text

PAGE_SIZE = 50


@role_required(*can_read_audit)
def entries(request: HttpRequest) -> HttpResponse:
    action = search_text(request.GET.get("action"))
    actor = search_text(request.GET.get("actor"))
    found = matching(AuditEntry.objects.all(), action, actor)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "rows": entry_rows(page), "action": action, "actor": actor}
    return render(request, "audit/entries.html", context)


def matching(found: QuerySet[AuditEntry], action: str, actor: str) -> QuerySet[AuditEntry]:
    """操作 matches the action's label, or the text of an entry logged before the vocabulary."""
    if action:
        named = [member for member in Action if action in member.label]
        found = found.filter(Q(action__in=named) | Q(action__contains=action))
    if actor:
        found = found.filter(actor_name__contains=actor)
    return found
