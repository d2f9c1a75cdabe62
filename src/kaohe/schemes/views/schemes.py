from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from kaohe import uploads
from kaohe.accounts.permissions import role_required
from kaohe.engine import SchemeError
from kaohe.forms import parse_id
from kaohe.imports.jobs import start_import
from kaohe.schemes import actions
from kaohe.schemes.documents import scheme_from_text
from kaohe.schemes.importing import import_scheme_document
from kaohe.schemes.models import Scheme, SchemeVersion
from kaohe.schemes.presentation import PERIOD_LABELS, draft_rows, node_rows
from kaohe.schemes.views import can_edit_schemes, can_read_schemes
from kaohe.transfer.scheme_file import parse_scheme_text

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
    return redirect("schemes:editor", slug=slug, number=draft.number)


@role_required(*can_edit_schemes)
def edit_draft(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    draft = get_object_or_404(SchemeVersion, scheme__slug=slug, number=number)
    if draft.is_published:
        messages.error(request, "已发布的方案版本不可修改，请新建草稿")
        return redirect("schemes:version", slug=slug, number=number)
    if request.method == "POST":
        document = request.POST.get("document", "")
        if "\x00" in document:
            messages.error(request, "方案文件：不能含有空字符（\\x00）")
        elif len(document.encode()) > MAX_DOCUMENT_BYTES:
            messages.error(request, "方案文件超过 2 MB")
        elif actions.save_draft(request.user, draft, document):
            messages.warning(request, "草稿已保存，但还有问题需要修改后才能发布")
        else:
            messages.success(request, "草稿已保存，校验通过")
        return redirect("schemes:edit", slug=slug, number=number)
    try:
        rows = list(draft_rows(parse_scheme_text(draft.document)))
    except SchemeError:
        rows = []
    return render(request, "schemes/edit.html", {"draft": draft, "rows": rows})


@require_POST
@role_required(*can_edit_schemes)
def publish(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    draft = get_object_or_404(SchemeVersion, scheme__slug=slug, number=number)
    try:
        actions.publish_version(request.user, draft)
    except ValidationError as error:
        messages.error(request, f"未发布：还有 {len(error.messages)} 项需要先处理")
        for problem in error.messages:
            messages.error(request, problem)
        return redirect("schemes:editor", slug=slug, number=number)
    messages.success(request, f"{draft} 已发布，内容从此不可修改")
    return redirect("schemes:version", slug=slug, number=number)


PASTED = "schemes.pasted_text"
PASTED_KEPT_CHARS = 200_000


@role_required(*can_edit_schemes)
def scheme_new(request: HttpRequest) -> HttpResponse:
    templates = SchemeVersion.objects.filter(
        scheme__source=Scheme.Source.BUILTIN, status=SchemeVersion.Status.PUBLISHED
    ).select_related("scheme")
    pasted = request.session.get(PASTED, "") if request.GET.get("again") else ""
    return render(request, "schemes/new.html", {"templates": templates, "pasted": pasted})


@require_POST
@role_required(*can_edit_schemes)
def scheme_import(request: HttpRequest) -> HttpResponse:
    upload = request.FILES.get("file")
    pasted = request.POST.get("text", "").strip()
    if upload is None and not pasted:
        messages.error(request, "请选择要导入的考核细则文件（xlsx、docx 或 txt），或粘贴细则文字")
        return redirect("schemes:new")
    if upload is not None and upload.size > uploads.max_bytes():
        messages.error(request, f"文件过大，导入上限为 {uploads.max_bytes() // 1024 // 1024} MB")
        return redirect("schemes:new")
    document = upload or ContentFile(pasted.encode(), name="粘贴的细则.txt")
    back_url = reverse("schemes:new")
    if upload is None and len(pasted) <= PASTED_KEPT_CHARS:
        request.session[PASTED] = pasted  # 返回 from a refused import shows it again
        back_url += "?again=1"
    job = start_import(
        request.user, import_scheme_document, document, title="导入考核细则", back_url=back_url
    )
    return redirect("imports:job", job_id=job.pk)


@require_POST
@role_required(*can_edit_schemes)
def scheme_copy(request: HttpRequest) -> HttpResponse:
    """A new scheme from a template (a built-in scheme) or from the blank skeleton."""
    wanted = request.POST.get("template", "")
    template = SchemeVersion.objects.filter(pk=parse_id(wanted)).first()
    if wanted and template is None:
        messages.error(request, "模板：没有这个模板，请重新选择")
        return redirect("schemes:new")
    if template is not None:
        data = dict(parse_scheme_text(template.document))
        data["id"] = f"{data.get('id', 'scheme')}-copy"
        source = Scheme.Source.BUILTIN
    else:
        data, source = dict(actions.BLANK_SCHEME), Scheme.Source.BLANK
    version = actions.create_draft_scheme(request.user, data, source)
    return redirect("schemes:editor", slug=version.scheme.slug, number=version.number)
