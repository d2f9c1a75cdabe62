"""Review and publication: lock the records, publish (公示) frozen snapshots, finalise.

Cycle.status moves OPEN → LOCKED → PUBLISHING → PUBLISHED → FINALISED; a LOCKED cycle may be
reopened before it is published; PUBLISHING lasts while a background job makes the snapshot
(results/publishing.py) and falls back to LOCKED if it fails. Every step: permission check,
transaction, audit entry, notices.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kaohe.accounts.models import User
from kaohe.audit.log import Action, log_change
from kaohe.cycles.access import require_office, result_readers_in
from kaohe.cycles.fields import record_row
from kaohe.cycles.models import Cycle, Record
from kaohe.progress.notify import notify
from kaohe.results.live import recompute_whole
from kaohe.results.models import LiveResult, Snapshot, UnitResult

Status = Cycle.Status


def locked_cycle(cycle: Cycle) -> Cycle:
    return Cycle.objects.select_for_update().get(pk=cycle.pk)


def change_status(actor: Any, cycle: Cycle, expected: str, new: str, action: Action) -> Cycle:
    cycle = locked_cycle(cycle)
    if cycle.status != expected:
        raise ValidationError(
            f"考核周期「{cycle}」当前{cycle.get_status_display()}，不能{action.label}"
        )
    old = cycle.get_status_display()
    cycle.status = new
    cycle.save(update_fields=["status"])
    log_change(actor, action, cycle, old=old, new=cycle.get_status_display())
    return cycle


@transaction.atomic
def lock_cycle(actor: User, cycle: Cycle) -> Cycle:
    """锁定: no record or evaluation score may change any more; the office reviews the summary."""
    require_office(actor)
    return change_status(actor, cycle, Status.OPEN, Status.LOCKED, Action.CYCLE_LOCKED)


@transaction.atomic
def reopen_cycle(actor: User, cycle: Cycle) -> Cycle:
    require_office(actor)
    return change_status(actor, cycle, Status.LOCKED, Status.OPEN, Action.CYCLE_REOPENED)


def record_rows(cycle: Cycle) -> dict[str, list[dict[str, Any]]]:
    """The records behind a snapshot by unit, frozen with it (JSON-ready)."""
    labels = dict(cycle.cycle_units.values_list("id", "label"))
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in Record.objects.filter(cycle=cycle).order_by("id"):
        rows[labels[record.unit_id]].append(record_row(record))
    return rows


def take_snapshot(actor: Any, cycle: Cycle, reason: str, deadline: datetime.date) -> Snapshot:
    """Compute the whole cycle afresh and freeze it as the next snapshot."""
    return freeze_snapshot(actor, cycle, computed_whole(cycle), reason, deadline)


def computed_whole(cycle: Cycle) -> LiveResult:
    """The whole cycle computed now; records that do not fit the scheme refuse publication."""
    live = recompute_whole(cycle)
    if live.problems:
        raise ValidationError(["有考核记录不符合方案，不能公示：", *live.problems])
    return live


# A snapshot's rows before they are stored: each unit's tree and its records, by unit label.
Frozen = dict[str, tuple[list[Any], list[dict[str, Any]]]]


def frozen_units(live: LiveResult, cycle: Cycle) -> Frozen:
    """Each unit's tree and its records, as a snapshot freezes them. Publication reads them
    before its write transaction (the cycle is 发布中, so they cannot change meanwhile): at
    province scale the reading takes tens of seconds, which SQLite's write lock must not."""
    trees = dict(live.unit_rows().values_list("unit", "nodes"))
    records = record_rows(cycle)
    return {label: (trees.get(label, []), records.get(label, [])) for label in {*trees, *records}}


def freeze_snapshot(
    actor: Any,
    cycle: Cycle,
    live: LiveResult,
    reason: str,
    deadline: datetime.date,
    frozen: Frozen | None = None,
) -> Snapshot:
    frozen = frozen_units(live, cycle) if frozen is None else frozen
    number = cycle.snapshots.order_by("-number").values_list("number", flat=True).first() or 0
    snapshot = Snapshot.objects.create(
        cycle=cycle,
        number=number + 1,
        summary=live.summary,
        reason=reason,
        published_by=actor if getattr(actor, "pk", None) else None,
        appeal_deadline=deadline,
    )
    rows = (
        UnitResult(cycle=cycle, snapshot=snapshot, unit=label, nodes=nodes, records=records)
        for label, (nodes, records) in frozen.items()
    )
    UnitResult.objects.bulk_create(rows, batch_size=UnitResult.ROWS_PER_INSERT)
    return snapshot


def republish(actor: Any, cycle: Cycle, reason: str) -> Snapshot:
    """A corrected snapshot after an upheld appeal; the appeal window stays the first one's."""
    first = cycle.snapshots.order_by("number").first()
    if first is None:
        raise ValidationError("该考核周期尚未公示")
    snapshot = take_snapshot(actor, cycle, reason, first.appeal_deadline)
    log_change(
        actor,
        Action.RESULTS_REPUBLISHED,
        snapshot,
        new={"公示序号": snapshot.number, "原因": reason},
    )
    announce(cycle, f"「{cycle}」考核结果已更正，第 {snapshot.number} 次公示")
    return snapshot


def appeal_window_open(cycle: Cycle, today: datetime.date | None = None) -> bool:
    first = cycle.snapshots.order_by("number").values_list("appeal_deadline", flat=True).first()
    today = today or timezone.localdate()
    return cycle.status == Status.PUBLISHED and first is not None and today <= first


@transaction.atomic
def finalise_cycle(actor: User, cycle: Cycle) -> Cycle:
    """归档: after the appeal window, with every appeal answered; read-only from then on."""
    require_office(actor)
    return archive(actor, cycle)


def archive(actor: Any, cycle: Cycle) -> Cycle:
    if appeal_window_open(cycle):
        raise ValidationError("申诉期尚未结束，不能归档")
    if cycle.appeals.awaiting_decision().exists():
        raise ValidationError("还有未答复的申诉，不能归档")
    cycle = change_status(actor, cycle, Status.PUBLISHED, Status.FINALISED, Action.CYCLE_FINALISED)
    announce(cycle, f"「{cycle}」考核结果已归档")
    return cycle


def finalise_due_cycles() -> list[Cycle]:
    """The daily job (``manage.py finalise_cycles``): archive, as the system, every published
    cycle whose appeal window has closed and whose appeals are all answered."""
    today = timezone.localdate()
    due = Cycle.objects.filter(
        status=Status.PUBLISHED, snapshots__number=1, snapshots__appeal_deadline__lt=today
    )
    archived = []
    for cycle in due.distinct():
        if cycle.appeals.awaiting_decision().exists():
            continue
        with transaction.atomic():
            archived.append(archive(None, cycle))
    return archived


def announce(cycle: Cycle, text: str) -> None:
    """In-app notices now (they roll back with the change); e-mails once it commits."""
    notify(result_readers_in(cycle), text, reverse("results:cycles"))
