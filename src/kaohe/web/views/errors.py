"""Error pages in Chinese, never a traceback."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {
            "code": 403,
            "title": "没有权限",
            "message": "您没有访问此页面或执行此操作的权限。如有疑问，请联系考核办。",
        },
        status=403,
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {"code": 404, "title": "页面不存在", "message": "您要访问的页面不存在或已被移除。"},
        status=404,
    )


def method_not_allowed(request: HttpRequest, allowed: str) -> HttpResponse:
    response = render(
        request,
        "web/error.html",
        {
            "code": 405,
            "title": "不能这样访问此页面",
            "message": (
                "此页面不接受这种请求（例如直接打开了只用于提交表单的地址）。"
                "请从页面上的按钮或链接进入。"
            ),
        },
        status=405,
    )
    response["Allow"] = allowed
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {
            "code": 500,
            "title": "系统出错",
            "message": "系统处理您的请求时出错，已记录。请稍后再试或联系系统管理员。",
        },
        status=500,
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {
            "code": 403,
            "title": "页面已过期",
            "message": "表单已过期或来源无法验证，请刷新页面后重试。",
        },
        status=403,
    )
