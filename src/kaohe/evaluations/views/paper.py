"""纸质测评: the slips template to download, and the typed-in workbook to upload."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from kaohe.evaluations.actions.paper import enter_paper_ballots
from kaohe.evaluations.forms import PaperForm
from kaohe.evaluations.paper import paper_template
from kaohe.evaluations.views.setup import find_group, office_only

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@office_only
def template(request: HttpRequest, group_id: int) -> HttpResponse:
    group = find_group(group_id)
    try:
        workbook = paper_template(group)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("evaluations:detail", evaluation_id=group.evaluation_id)
    response = HttpResponse(workbook, content_type=XLSX)
    name = f"{group.evaluation.name}-{group.name}-纸质票录入模板.xlsx"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@require_POST
@office_only
def upload(request: HttpRequest, group_id: int) -> HttpResponse:
    group = find_group(group_id)
    form = PaperForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            raise ValidationError("请填写发出张数并选择表格文件")
        data = form.cleaned_data
        session = enter_paper_ballots(request.user, group, data["issued"], data["workbook"].read())
    except ValidationError as error:
        messages.error(request, "导入失败，未保存任何纸质票：")
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"已录入纸质票 {session.returned} 张（发出 {session.issued} 张）")
    return redirect("evaluations:detail", evaluation_id=group.evaluation_id)
