"""站内消息: the user's own notifications only."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import Role
from kaohe.progress import actions
from kaohe.progress.models import Notification

EVERYONE = tuple(Role.values)


@role_required(*EVERYONE)
def inbox(request: HttpRequest) -> HttpResponse:
    found = Notification.objects.filter(user=request.user)[:200]
    return render(request, "progress/notifications.html", {"notifications": found})


@require_POST
@role_required(*EVERYONE)
def open_one(request: HttpRequest, notification_id: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=notification_id, user=request.user)
    actions.mark_read(request.user, notification.pk)
    safe = url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()})
    return redirect(notification.url if notification.url and safe else "progress:notifications")


@require_POST
@role_required(*EVERYONE)
def read_all(request: HttpRequest) -> HttpResponse:
    actions.mark_read(request.user)
    return redirect("progress:notifications")
