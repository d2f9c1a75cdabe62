"""The second login step: verify a code, enrol an authenticator, and the 安全管理员's reset."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from kaohe.accounts import second_factor
from kaohe.accounts.models import User
from kaohe.accounts.permissions import can_manage_roles, role_required


def next_page(request: HttpRequest) -> str:
    """Where the user was going, if it is on this site; else the home page."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(wanted, {request.get_host()})
    return wanted if wanted and allowed else "/"


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """Asks for the authenticator's code (or a recovery code); enrols first if there is none."""
    if second_factor.authenticator(request.user) is None:
        return redirect("accounts:enrol_second_factor")
    error = ""
    if request.method == "POST":
        if second_factor.verify(request, request.POST.get("code", "")):
            return redirect(next_page(request))
        error = "验证码错误或已使用，请重新输入。连续输错后需稍候再试。"
    return render(
        request, "accounts/second_factor.html", {"error": error, "next": next_page(request)}
    )


@login_required
def enrol(request: HttpRequest) -> HttpResponse:
    """Shows a new authenticator's QR code; its first code confirms it and gives recovery codes.
    Once enrolled, changing it takes the 安全管理员's reset (or a verified session)."""
    verified = request.user.is_verified()  # type: ignore[union-attr]
    if second_factor.authenticator(request.user) is not None and not verified:
        return redirect("accounts:second_factor")
    device = second_factor.pending_authenticator(request.user)  # type: ignore[arg-type]
    error = ""
    if request.method == "POST":
        codes = second_factor.confirm_enrolment(request, request.POST.get("code", ""))
        if codes is not None:
            return render(request, "accounts/recovery_codes.html", {"codes": codes})
        error = "验证码不正确，请确认手机时间准确后重新输入。"
    context = {
        "qr": second_factor.enrolment_qr_svg(device),
        "secret": second_factor.secret_for_typing(device),
        "error": error,
    }
    return render(request, "accounts/enrol_second_factor.html", context)


@require_POST
@role_required(*can_manage_roles)
def reset(request: HttpRequest, user_id: int) -> HttpResponse:
    person = get_object_or_404(User, pk=user_id)
    second_factor.reset_second_factor(request.user, person)  # type: ignore[arg-type]
    messages.success(request, f"已重置 {person} 的两步验证，其下次登录时须重新绑定")
    return redirect("accounts:users")
