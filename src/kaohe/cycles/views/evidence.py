"""A record's page: what was recorded, by whom, and its evidence files."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from kaohe import uploads
from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import CYCLE_ROLES, Role
from kaohe.cycles.access import may_read_record, may_record
from kaohe.cycles.evidence import attach_evidence
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Record, RecordEvidence


def readable(request: HttpRequest, cycle_id: int, record_id: int) -> Record:
    record = get_object_or_404(
        Record.objects.select_related("cycle__scheme_version", "unit__unit", "recorded_by"),
        pk=record_id,
        cycle_id=cycle_id,
    )
    if not may_read_record(request.user, record):
        raise Http404("没有找到该记录")
    return record


@role_required(*CYCLE_ROLES)
def record_detail(request: HttpRequest, cycle_id: int, record_id: int) -> HttpResponse:
    record = readable(request, cycle_id, record_id)
    scheme = cycle_scheme(record.cycle)
    node = scheme.nodes.get(record.indicator)
    rule = scheme.rules.get(record.rule)
    return render(
        request,
        "cycles/record.html",
        {
            "record": record,
            "node": node,
            "rule": rule,
            "evidence": record.evidence.select_related("uploaded_by"),
            "may_attach": record.cycle.is_open
            and may_record(request.user, record.cycle, record.indicator),
        },
    )


@require_POST
@role_required(Role.OFFICE, Role.ASSESSOR)
def record_evidence_upload(request: HttpRequest, cycle_id: int, record_id: int) -> HttpResponse:
    record = readable(request, cycle_id, record_id)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择要上传的证明材料")
    else:
        try:
            attach_evidence(request.user, record, upload)
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        except PermissionDenied:
            raise
        else:
            messages.success(request, f"已上传「{upload.name}」")
    return redirect("cycles:record", cycle_id=cycle_id, record_id=record.pk)


@role_required(*CYCLE_ROLES)
def record_evidence_download(request: HttpRequest, evidence_id: int) -> FileResponse:
    return uploads.download(
        request,
        RecordEvidence.objects.select_related("record__cycle", "record__unit__unit"),
        evidence_id,
        lambda user, evidence: may_read_record(user, evidence.record),
    )
