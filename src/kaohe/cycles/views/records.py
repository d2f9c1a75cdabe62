"""The assessor's grid: units down the side, one indicator at a time, every record editable."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from kaohe import engine
from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import Role
from kaohe.cycles import access, actions
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.forms import RecordForm, RecordUploadForm
from kaohe.cycles.importing import RecordsImportError, import_records, records_template
from kaohe.cycles.models import Cycle, CycleUnit, Record
from kaohe.cycles.views.cycles import cycle_for
from kaohe.schemes.presentation import rule_row

RECORDERS = (Role.OFFICE, Role.ASSESSOR)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def recorder_nodes(request: HttpRequest, cycle: Cycle) -> list[engine.Node]:
    nodes = access.recordable_nodes(request.user, cycle)
    if not nodes:
        raise PermissionDenied("您在该考核周期没有负责考核的指标")
    return nodes


def grid_url(cycle: Cycle, node_code: str, cycle_unit_id: int | None = None) -> str:
    anchor = f"#unit-{cycle_unit_id}" if cycle_unit_id else ""
    return f"{reverse('cycles:records', args=[cycle.pk])}?node={node_code}{anchor}"


@role_required(*RECORDERS)
def records_grid(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = cycle_for(request, cycle_id)
    nodes = recorder_nodes(request, cycle)
    node = next((n for n in nodes if n.code == request.GET.get("node")), nodes[0])
    units = list(cycle.cycle_units.order_by("id"))
    by_unit: dict[int, list[Record]] = {unit.pk: [] for unit in units}
    records = cycle.records.filter(node_path=node.path).annotate(evidence_count=Count("evidence"))
    for record in records.order_by("id"):
        by_unit[record.cycle_unit_id].append(record)
    labels = engine.rule_kinds()
    return render(
        request,
        "cycles/records.html",
        {
            "cycle": cycle,
            "nodes": nodes,
            "node": node,
            "rules": [rule_row(rule, labels) for rule in node.rules],
            "rows": [(unit, by_unit[unit.pk]) for unit in units],
            "upload_form": RecordUploadForm(),
        },
    )


def saved(
    request: HttpRequest, cycle: Cycle, node_code: str, unit_id: int, text: str
) -> HttpResponse:
    messages.success(request, text)
    return redirect(grid_url(cycle, node_code, unit_id))


@require_POST
@role_required(*RECORDERS)
def record_add(request: HttpRequest, cycle_id: int, cycle_unit_id: int) -> HttpResponse:
    cycle = cycle_for(request, cycle_id)
    cycle_unit = get_object_or_404(CycleUnit, pk=cycle_unit_id, cycle=cycle)
    node_code = request.POST.get("node", "")
    node = engine_node(cycle, node_code)
    form = RecordForm(request.POST)
    if not form.is_valid():
        return refused(request, cycle, node_code, cycle_unit.pk, form_problems(form))
    try:
        actions.add_record(request.user, cycle_unit, node_path=node.path, **form.record_values())
    except ValidationError as error:
        return refused(request, cycle, node_code, cycle_unit.pk, error.messages)
    return saved(request, cycle, node_code, cycle_unit.pk, f"已为「{cycle_unit}」新增记录")


@require_POST
@role_required(*RECORDERS)
def record_change(request: HttpRequest, cycle_id: int, record_id: int) -> HttpResponse:
    cycle = cycle_for(request, cycle_id)
    record = get_object_or_404(Record, pk=record_id, cycle=cycle)
    node_code = request.POST.get("node", "")
    form = RecordForm(request.POST)
    if not form.is_valid():
        return refused(request, cycle, node_code, record.cycle_unit_id, form_problems(form))
    try:
        actions.change_record(
            request.user, record.pk, form.cleaned_data["version"] or 0, **form.record_values()
        )
    except ValidationError as error:
        return refused(request, cycle, node_code, record.cycle_unit_id, error.messages)
    return saved(request, cycle, node_code, record.cycle_unit_id, "记录已修改")


@require_POST
@role_required(*RECORDERS)
def record_delete(request: HttpRequest, cycle_id: int, record_id: int) -> HttpResponse:
    cycle = cycle_for(request, cycle_id)
    record = get_object_or_404(Record, pk=record_id, cycle=cycle)
    node_code = request.POST.get("node", "")
    try:
        actions.delete_record(request.user, record.pk, int(request.POST.get("version") or 0))
    except ValidationError as error:
        return refused(request, cycle, node_code, record.cycle_unit_id, error.messages)
    return saved(request, cycle, node_code, record.cycle_unit_id, "记录已删除")


@role_required(*RECORDERS)
def records_download_template(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = cycle_for(request, cycle_id)
    content = records_template(cycle, recorder_nodes(request, cycle))
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, f"{cycle}-考核记录模板.xlsx")
    return response


@require_POST
@role_required(*RECORDERS)
def records_upload(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = cycle_for(request, cycle_id)
    recorder_nodes(request, cycle)
    form = RecordUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "请选择要导入的 xlsx 文件")
        return redirect("cycles:records", cycle_id=cycle.pk)
    try:
        count = import_records(request.user, cycle, form.cleaned_data["file"])
    except RecordsImportError as error:
        messages.error(request, "导入失败，未保存任何记录：" + "；".join(error.problems[:50]))
    else:
        messages.success(request, f"已导入 {count} 条考核记录")
    return redirect("cycles:records", cycle_id=cycle.pk)


def engine_node(cycle: Cycle, code: str) -> engine.Node:
    scheme = cycle_scheme(cycle)
    path = scheme.codes.get(code)
    if path is None:
        raise PermissionDenied("未知指标")
    return scheme.nodes[path]


def form_problems(form: RecordForm) -> list[str]:
    return [
        f"{form.fields[name].label if name in form.fields else ''}：{'；'.join(errors)}"
        for name, errors in form.errors.items()
    ]


def refused(
    request: HttpRequest, cycle: Cycle, node_code: str, unit_id: int, problems: list[str]
) -> HttpResponse:
    messages.error(request, "未保存：" + "；".join(problems))
    return redirect(grid_url(cycle, node_code, unit_id))
