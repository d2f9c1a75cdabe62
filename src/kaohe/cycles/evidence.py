"""Evidence on records (who may attach or read it: kaohe.cycles.access)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from kaohe import uploads
from kaohe.accounts.models import User
from kaohe.audit.log import Action, log_change
from kaohe.cycles.access import may_record
from kaohe.cycles.actions import ensure_open
from kaohe.cycles.models import Record, RecordEvidence

FOLDER = "records"


@transaction.atomic
def attach_evidence(actor: User, record: Record, upload: UploadedFile) -> RecordEvidence:
    ensure_open(record.cycle)
    if not may_record(actor, record.cycle, record.indicator):
        raise PermissionDenied("您不负责该指标的考核")
    evidence = uploads.attach(actor, RecordEvidence, FOLDER, upload, record=record)
    log_change(
        actor,
        Action.RECORD_EVIDENCE_ATTACHED,
        record,
        new=evidence.audit_fields(),
    )
    return evidence
