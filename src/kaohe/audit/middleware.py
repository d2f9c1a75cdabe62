from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from django.http import HttpRequest, HttpResponse

from kaohe.audit.log import Action, client_ip, current_ip, log_change

ANONYMOUS = "未登录用户"


class RequestContextMiddleware:
    """Makes the request's source IP available to audit entries written during the request, and
    audits what no view logs itself: every refusal (403) and every file sent as an attachment
    (evidence downloads and exports alike)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(client_ip(request.META))
        try:
            response = self.get_response(request)
            audit_response(request, response)
            return response
        finally:
            current_ip.reset(token)


def audit_response(request: HttpRequest, response: HttpResponse) -> None:
    if response.status_code == 403:
        log_change(
            requester(request),
            Action.ACCESS_DENIED,
            target_label=request.path[:200],
            new={"方法": request.method},
        )
    elif response.get("Content-Disposition", "").startswith("attachment"):
        log_change(
            requester(request),
            Action.FILE_DOWNLOADED,
            target_label=request.path[:200],
            new={"文件": attachment_name(response)},
        )


def requester(request: HttpRequest) -> Any:
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else ANONYMOUS


def attachment_name(response: HttpResponse) -> str:
    """The file name the response offers (``filename*=utf-8''…`` decoded when present)."""
    header = response.get("Content-Disposition", "")
    encoded = header.partition("filename*=utf-8''")[2]
    if encoded:
        return unquote(encoded)
    return header.partition("filename=")[2].strip('"')
