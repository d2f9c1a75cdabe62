from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import Role
from kaohe.engine import SchemeError
from kaohe.schemes import actions
from kaohe.schemes.documents import scheme_from_text
from kaohe.schemes.models import Scheme, SchemeVersion
from kaohe.schemes.presentation import PERIOD_LABELS, node_rows

can_read_schemes = (Role.OFFICE, Role.ASSESSOR, Role.DEPUTY_LEADER, Role.PRINCIPAL_LEADER)
can_edit_schemes = (Role.OFFICE,)
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024


@role_required(*can_read_schemes)
def scheme_list(request: HttpRequest) -> HttpResponse:
    schemes = Scheme.objects.prefetch_related("versions").order_by("name")
    return render(
        request,
        "schemes/list.html",
        {
            "schemes": schemes,
            "may_edit": request.user.has_role(*can_edit_schemes),
        },
    )


@role_required(*can_read_schemes)
def version_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    version = get_object_or_404(
        SchemeVersion.objects.select_related("scheme"), scheme__slug=slug, number=number
    )
    try:
        scheme = scheme_from_text(version.document)
    except SchemeError as error:
        return render(
            request, "schemes/detail.html", {"version": version, "problems": error.problems}
        )
    return render(
        request,
        "schemes/detail.html",
        {
            "version": version,
            "scheme": scheme,
            "rows": list(node_rows(scheme)),
            "versions": version.scheme.versions.all(),
            "period_label": PERIOD_LABELS.get(scheme.period, scheme.period),
            "may_edit": request.user.has_role(*can_edit_schemes),
        },
    )


@role_required(*can_read_schemes)
def version_download(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    version = get_object_or_404(SchemeVersion, scheme__slug=slug, number=number)
    response = HttpResponse(version.document, content_type="application/x-yaml; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        True, f"{version.scheme.name}-第{version.number}版.yaml"
    )
    return response


@require_POST
@role_required(*can_edit_schemes)
def start_draft(request: HttpRequest, slug: str) -> HttpResponse:
    draft = actions.start_draft(request.user, get_object_or_404(Scheme, slug=slug))
    return redirect("schemes:edit", slug=slug, number=draft.number)


@role_required(*can_edit_schemes)
def edit_draft(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    draft = get_object_or_404(SchemeVersion, scheme__slug=slug, number=number)
    if draft.is_published:
        messages.error(request, "已发布的方案版本不可修改，请新建草稿")
        return redirect("schemes:version", slug=slug, number=number)
    if request.method == "POST":
        document = request.POST.get("document", "")
        if len(document.encode()) > MAX_DOCUMENT_BYTES:
            messages.error(request, "方案文件超过 2 MB")
        elif actions.save_draft(request.user, draft, document):
            messages.warning(request, "草稿已保存，但还有问题需要修改后才能发布")
        else:
            messages.success(request, "草稿已保存，校验通过")
        return redirect("schemes:edit", slug=slug, number=number)
    return render(request, "schemes/edit.html", {"draft": draft})


@require_POST
@role_required(*can_edit_schemes)
def publish(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    draft = get_object_or_404(SchemeVersion, scheme__slug=slug, number=number)
    try:
        actions.publish_version(request.user, draft)
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
        return redirect("schemes:edit", slug=slug, number=number)
    messages.success(request, f"{draft} 已发布，内容从此不可修改")
    return redirect("schemes:version", slug=slug, number=number)
