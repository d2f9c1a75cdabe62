"""Evidence on records: who may attach it, who may read it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from kaohe import uploads
from kaohe.accounts.models import User
from kaohe.accounts.roles import Role
from kaohe.audit.log import log_change
from kaohe.cycles.actions import ensure_open, may_record
from kaohe.cycles.models import Record, RecordEvidence

FOLDER = "records"
LEADERS = (Role.DEPUTY_LEADER, Role.PRINCIPAL_LEADER)


def may_read_record(user: User, record: Record) -> bool:
    """The office, whoever may record on the indicator, and the assessed unit's own people and
    the leaders above it."""
    if may_record(user, record.cycle, record.node_path):
        return True
    unit = record.cycle_unit.unit
    if user.unit_id is None:
        return False
    own = user.unit_id == unit.pk
    leads = user.has_role(*LEADERS) and user.unit_id == unit.parent_id
    return own or leads


@transaction.atomic
def attach_evidence(actor: User, record: Record, upload: UploadedFile) -> RecordEvidence:
    ensure_open(record.cycle)
    if not may_record(actor, record.cycle, record.node_path):
        raise PermissionDenied("您不负责该指标的考核")
    evidence = uploads.attach(actor, RecordEvidence, FOLDER, upload, record=record)
    log_change(
        actor,
        "上传记录证明材料",
        record,
        new={"文件": evidence.original_name, "SHA-256": evidence.sha256},
    )
    return evidence
