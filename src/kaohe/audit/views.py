from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kaohe.accounts.permissions import can_read_audit, role_required
from kaohe.audit.models import AuditEntry

PAGE_SIZE = 50


@role_required(*can_read_audit)
def entries(request: HttpRequest) -> HttpResponse:
    found = AuditEntry.objects.all()
    action = request.GET.get("action", "").strip()
    actor = request.GET.get("actor", "").strip()
    if action:
        found = found.filter(action__contains=action)
    if actor:
        found = found.filter(actor_name__contains=actor)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/entries.html", {"page": page, "action": action, "actor": actor})
