"""A download's page (its progress, then the file) and the file itself — for whoever asked only."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header

from kaohe.downloads.jobs import stored_content
from kaohe.downloads.models import Download

GONE = "文件不存在或已过期，请返回重新生成"


def asked_by_this_user(request: HttpRequest, download_id: int) -> Download:
    """The file was made with the asker's rights and is theirs alone: anyone else gets 403."""
    found = get_object_or_404(Download, pk=download_id)
    if found.requested_by_id != request.user.pk:
        raise PermissionDenied("该文件由他人生成，只有生成人可以查看和下载")
    return found


@login_required
def download_page(request: HttpRequest, download_id: int) -> HttpResponse:
    """htmx asks for the progress part every second until the file is made or refused."""
    found = asked_by_this_user(request, download_id)
    polled = request.headers.get("HX-Request") == "true"
    template = "downloads/_progress.html" if polled else "downloads/page.html"
    # ``job``: the name the polling part (web/_job_progress.html) gives every job's row
    return render(request, template, {"download": found, "job": found})


@login_required
def download_file(request: HttpRequest, download_id: int) -> HttpResponse:
    found = asked_by_this_user(request, download_id)
    content = stored_content(found)
    if content is None:
        raise Http404(GONE)
    response = HttpResponse(content, content_type=found.content_type)
    response["Content-Disposition"] = content_disposition_header(True, found.filename)
    return response
