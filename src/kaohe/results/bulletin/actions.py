"""The office's two acts on a 通报: setting its details, and downloading it (both audited)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kaohe.audit.log import Action, log_change
from kaohe.cycles.access import require_office
from kaohe.cycles.models import Cycle
from kaohe.results.models import BulletinDetails, Snapshot

DETAIL_FIELDS = ("mark", "number", "addressees", "signature", "dated")


def shown(details: BulletinDetails | None) -> dict[str, str] | None:
    if details is None:
        return None
    return {
        str(BulletinDetails._meta.get_field(name).verbose_name): str(getattr(details, name))
        for name in DETAIL_FIELDS
    }


@transaction.atomic
def set_bulletin_details(actor: Any, cycle: Cycle, values: dict[str, Any]) -> BulletinDetails:
    require_office(actor)
    details = BulletinDetails.objects.select_for_update().filter(cycle=cycle).first()
    old = shown(details)
    details = details or BulletinDetails(cycle=cycle)
    for name in DETAIL_FIELDS:
        setattr(details, name, values[name])
    details.save()
    log_change(actor, Action.BULLETIN_DETAILS_SET, cycle, old=old, new=shown(details))
    return details


def note_download(actor: Any, cycle: Cycle, kind: str, snapshot: Snapshot | None) -> None:
    require_office(actor)
    source = f"第 {snapshot.number} 次公示" if snapshot else "实时结果"
    log_change(actor, Action.BULLETIN_DOWNLOADED, cycle, new={"格式": kind, "结果": source})
