"""The assessor's grid: units down the side, one indicator at a time, every record editable.

A row saved from the page (htmx, see records.html) is answered with that row alone; without
JavaScript a save redirects back to the grid with a message.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
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
from kaohe.cycles.forms import RecordDeleteForm, RecordForm, RecordUploadForm
from kaohe.cycles.importing import import_records, records_template
from kaohe.cycles.models import Cycle, CycleUnit, Record
from kaohe.cycles.views import grid
from kaohe.cycles.views.cycles import cycle_for
from kaohe.cycles.views.grid import Row
from kaohe.forms import form_problems
from kaohe.imports.jobs import start_import
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
    chosen = grid.GridFilter.read(request.GET, node)
    page = grid.grid_page(cycle, chosen, request.GET.get("page"))
    labels = engine.rule_kinds()
    return render(
        request,
        "cycles/records.html",
        {
            "cycle": cycle,
            "nodes": nodes,
            "node": node,
            "chosen": chosen,
            "page": page,
            "units": grid.unit_choices(cycle),
            "rules": [rule_row(rule, labels) for rule in node.rules],
            "grid_rows": grid.grid_rows(request, cycle, chosen, page),
            "columns": [field.label for field in RecordForm().visible_fields()],
        },
    )


@require_POST
@role_required(*RECORDERS)
def record_add(request: HttpRequest, cycle_id: int, cycle_unit_id: int) -> HttpResponse:
    cycle = cycle_for(request, cycle_id)
    cycle_unit = get_object_or_404(CycleUnit, pk=cycle_unit_id, cycle=cycle)
    node = engine_node(cycle, request.POST.get("node", ""))
    form = RecordForm(request.POST, rules=grid.rule_choices(node))
    try:
        values = typed_values(form)
        record = actions.add_record(request.user, cycle_unit, indicator=node.path, **values)
    except ValidationError as error:
        return refused(request, Row(cycle, node, cycle_unit, form), error.messages)
    text = f"已为「{cycle_unit}」新增记录"
    if not is_htmx(request):
        return saved(request, Row(cycle, node, cycle_unit), text)
    new = grid.new_row(cycle, node, cycle_unit, text)
    return render_rows(request, [fresh_row(cycle, node, record), new], counted=1)


@require_POST
@role_required(*RECORDERS)
def record_change(request: HttpRequest, cycle_id: int, record_id: int) -> HttpResponse:
    cycle = cycle_for(request, cycle_id)
    record = get_object_or_404(Record.objects.select_related("unit"), pk=record_id, cycle=cycle)
    node = engine_node(cycle, request.POST.get("node", ""))
    form = RecordForm(request.POST, rules=grid.rule_choices(node))
    try:
        values = typed_values(form)
        version = form.cleaned_data["version"] or 0
        changed = actions.change_record(request.user, record.pk, version, **values)
    except ValidationError as error:
        row = Row(cycle, node, record.unit, form, record=record)
        return refused(request, row, error.messages)
    if not is_htmx(request):
        return saved(request, Row(cycle, node, record.unit), "记录已修改")
    return render_rows(request, [fresh_row(cycle, node, changed, "记录已修改")])


@require_POST
@role_required(*RECORDERS)
def record_delete(request: HttpRequest, cycle_id: int, record_id: int) -> HttpResponse:
    cycle = cycle_for(request, cycle_id)
    record = get_object_or_404(Record.objects.select_related("unit"), pk=record_id, cycle=cycle)
    node = engine_node(cycle, request.POST.get("node", ""))
    form = RecordDeleteForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form_problems(form))
        actions.delete_record(request.user, record.pk, form.cleaned_data["version"] or 0)
    except ValidationError as error:
        return refused(request, fresh_row(cycle, node, record), error.messages)
    gone = Row(cycle, node, record.unit, message="记录已删除")
    if not is_htmx(request):
        return saved(request, gone, gone.message)
    return render_rows(request, [gone], counted=-1)


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
    job = start_import(
        request.user,
        import_records,
        form.cleaned_data["file"],
        title=f"导入考核记录：{cycle}",
        back_url=reverse("cycles:records", args=[cycle.pk]),
        cycle=cycle.pk,
    )
    return redirect("imports:job", job_id=job.pk)


def engine_node(cycle: Cycle, code: str) -> engine.Node:
    scheme = cycle_scheme(cycle)
    path = scheme.codes.get(code)
    if path is None:
        raise PermissionDenied("未知指标")
    return scheme.nodes[path]


def typed_values(form: RecordForm) -> dict[str, object]:
    if not form.is_valid():
        raise ValidationError(form_problems(form))
    return form.record_values()


def fresh_row(cycle: Cycle, node: engine.Node, record: Record, message: str = "") -> Row:
    record.evidence_count = record.evidence.count()  # type: ignore[attr-defined]
    return grid.record_row(cycle, node, record, message)


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def render_rows(request: HttpRequest, rows: list[Row], counted: int = 0) -> HttpResponse:
    """``counted``: records added (1) or deleted (−1), told to the page (records.js) so that
    its 「共 N 条记录」 stays true without loading the page again."""
    response = render(request, "cycles/_record_rows.html", {"rows": rows})
    if counted:
        response["HX-Trigger"] = json.dumps({"recordsCounted": counted})
    return response


def saved(request: HttpRequest, row: Row, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect(grid_url(row.cycle, row.node.code, row.cycle_unit.pk))


def refused(request: HttpRequest, row: Row, problems: list[str]) -> HttpResponse:
    """The row again as it was typed, saying why it was not saved (its values are kept)."""
    text = "未保存：" + "；".join(problems)
    if is_htmx(request):
        row.message, row.refused = text, True
        return render_rows(request, [row])
    messages.error(request, text)
    return redirect(grid_url(row.cycle, row.node.code, row.cycle_unit.pk))
