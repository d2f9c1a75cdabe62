from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from kaohe.accounts import actions
from kaohe.accounts.forms import UnitForm, UserForm
from kaohe.accounts.importing import import_organisation, split_list, template_workbook
from kaohe.accounts.models import RoleGrant, Unit, User
from kaohe.accounts.permissions import (
    can_manage_organisation,
    can_manage_roles,
    can_view_organisation,
    may_manage_account,
    role_required,
)
from kaohe.accounts.roles import Role
from kaohe.accounts.throttle import address_throttled
from kaohe.imports.jobs import start_import

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def unit_tree(units: list[Unit]) -> list[dict[str, Any]]:
    nodes = {unit.pk: {"unit": unit, "children": []} for unit in units}
    roots = []
    for unit in units:
        parent = nodes.get(unit.parent_id) if unit.parent_id else None
        (parent["children"] if parent else roots).append(nodes[unit.pk])
    return roots


@role_required(*can_view_organisation)
def units(request: HttpRequest) -> HttpResponse:
    all_units = list(Unit.objects.prefetch_related("categories").order_by("sort_order", "id"))
    return render(
        request,
        "accounts/units.html",
        {
            "tree": unit_tree(all_units),
            "unit_count": len(all_units),
            "may_manage": request.user.has_role(*can_manage_organisation),
        },
    )


@role_required(*can_manage_organisation, *can_manage_roles)
def users(request: HttpRequest) -> HttpResponse:
    people = User.objects.select_related("unit__parent").prefetch_related(
        Prefetch("role_grants", queryset=RoleGrant.objects.order_by("role"))
    )
    return render(
        request,
        "accounts/users.html",
        {
            "people": people,
            "role_choices": Role.choices,
            "may_manage_roles": request.user.has_role(*can_manage_roles),
            "may_manage_accounts": request.user.has_role(*can_manage_organisation),
        },
    )


@require_POST
@role_required(*can_manage_roles)
def change_role(request: HttpRequest, user_id: int) -> HttpResponse:
    person = get_object_or_404(User, pk=user_id)
    role = request.POST.get("role", "")
    if role not in Role.values:
        messages.error(request, "未知角色")
        return redirect("accounts:users")
    try:
        if request.POST.get("grant") == "1":
            actions.grant_role(request.user, person, role)
            messages.success(request, f"已为 {person} 授予{Role(role).label}")
        else:
            actions.revoke_role(request.user, person, role)
            messages.success(request, f"已撤销 {person} 的{Role(role).label}")
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    return redirect("accounts:users")


@require_POST
@role_required(*can_manage_roles)
def unlock(request: HttpRequest, user_id: int) -> HttpResponse:
    person = get_object_or_404(User, pk=user_id)
    actions.unlock_account(request.user, person)
    messages.success(request, f"已解除 {person} 的账户锁定")
    return redirect("accounts:users")


@require_POST
@role_required(*can_manage_organisation)
def set_active(request: HttpRequest, user_id: int) -> HttpResponse:
    person = get_object_or_404(User, pk=user_id)
    if person == request.user:
        messages.error(request, "不能停用自己的账户")
        return redirect("accounts:users")
    if not may_manage_account(request.user, person):
        messages.error(request, "三员分立：不能停用或启用其他管理员角色的账户")
        return redirect("accounts:users")
    actions.set_user_active(request.user, person, request.POST.get("active") == "1")
    return redirect("accounts:users")


@role_required(*can_manage_organisation)
def import_page(request: HttpRequest) -> HttpResponse:
    """The upload form; a chosen file starts an import job and its page shows the rest."""
    problems: list[str] = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is not None:
            job = start_import(
                request.user,
                import_organisation,
                upload,
                title="批量导入单位和用户",
                back_url=reverse("accounts:import"),
            )
            return redirect("imports:job", job_id=job.pk)
        problems = ["请选择要导入的 xlsx 文件"]
    return render(request, "accounts/import.html", {"problems": problems})


@role_required(*can_manage_organisation)
def import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, "单位和用户导入模板.xlsx")
    return response


class LoginView(auth_views.LoginView):
    """Django's login, refused for a while to an address that failed too often (throttle.py);
    the lockout per account is django-axes' own."""

    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if address_throttled(request):
            minutes = settings.LOGIN_ADDRESS_WINDOW_MINUTES
            context = {"minutes": minutes}
            return render(request, "registration/address_throttled.html", context, status=429)
        return super().post(request, *args, **kwargs)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change_form.html"

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        actions.change_own_password(self.request.user)
        messages.success(self.request, "密码已修改")
        return response


@role_required(*can_manage_organisation)
def new_unit(request: HttpRequest) -> HttpResponse:
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        categories = [c.name for c in data["categories"]] + split_list(data["new_categories"])
        unit = actions.create_unit(
            request.user,
            name=data["name"],
            parent=data["parent"],
            kind=data["kind"],
            code=data["code"],
            categories=categories,
        )
        messages.success(request, f"已新建单位「{unit.name}」")
        return redirect("accounts:units")
    return render(request, "accounts/form.html", {"form": form, "title": "新建单位"})


@role_required(*can_manage_organisation)
def new_user(request: HttpRequest) -> HttpResponse:
    form = UserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person, password = actions.open_account(request.user, **form.cleaned_data)
        return one_time_password_page(request, person, password, "已新建用户")
    return render(request, "accounts/form.html", {"form": form, "title": "新建用户"})


@require_POST
@role_required(*can_manage_organisation)
def reset_password(request: HttpRequest, user_id: int) -> HttpResponse:
    person = get_object_or_404(User, pk=user_id)
    password = actions.reset_password(request.user, person)
    return one_time_password_page(request, person, password, "已重置密码")


def one_time_password_page(
    request: HttpRequest, person: User, password: str, title: str
) -> HttpResponse:
    """The one time the one-time password is shown: rendered, never stored in a message."""
    return render(
        request,
        "accounts/one_time_password.html",
        {"person": person, "password": password, "title": title},
    )
