"""公示 in the background: publishing turns a locked cycle 发布中 and returns at once; a
django-tasks job (``make_publication``: ``KAOHE_TASKS=worker`` queues it for the task worker,
``immediate`` runs it when the request's transaction commits) computes the whole cycle and
freezes the first snapshot, then the cycle is 公示中. Its page polls the ``Publication`` row for
the step. Whatever stops the job puts the cycle back to 已锁定 with the reason on the page and in
the audit log — never 发布中 for good.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from kaohe.accounts.models import User
from kaohe.audit.log import Action, log_change
from kaohe.cycles.access import require_office
from kaohe.cycles.models import Cycle
from kaohe.results.actions import (
    Frozen,
    announce,
    change_status,
    computed_whole,
    freeze_snapshot,
    frozen_units,
    locked_cycle,
)
from kaohe.results.models import LiveResult, Publication, Snapshot
from kaohe.workdays.calendar import add_working_days

Status = Cycle.Status
BROKE = "发布时发生内部错误，结果未公示，周期已退回「已锁定」。请重新发布或联系系统管理员"


@transaction.atomic
def publish_results(actor: User, cycle: Cycle) -> Publication:
    """公示, begun: the cycle turns 发布中 and the snapshot is made by a background job
    (``make_publication``), queued when this transaction commits — a cycle of
    any size returns at once. With the immediate task backend the job runs at the commit."""
    require_office(actor)
    cycle = change_status(actor, cycle, Status.LOCKED, Status.PUBLISHING, Action.CYCLE_PUBLISHED)
    publication = Publication.objects.create(
        cycle=cycle, started_by=actor, stage="排队等待后台发布"
    )
    transaction.on_commit(lambda: queue_publication(publication))
    return publication


@transaction.atomic
def requeue_publication(actor: User, cycle: Cycle) -> Publication:
    """Queue a stalled publication again (its worker died); refused while it may still run."""
    require_office(actor)
    cycle = locked_cycle(cycle)
    publication = cycle.publications.first()
    if cycle.status != Status.PUBLISHING or publication is None or not publication.stalled:
        raise ValidationError("该周期没有停滞的发布，无需重新排队")
    log_change(actor, Action.CYCLE_PUBLISHED, cycle, old="发布中（停滞）", new="重新排队发布")
    transaction.on_commit(lambda: queue_publication(publication))
    return publication


def queue_publication(publication: Publication) -> None:
    make_publication.enqueue(publication.pk)


def finish_publication(publication: Publication) -> Snapshot | None:
    """The job's work: the whole cycle computed outside any transaction, then in one short
    transaction the snapshot frozen, the cycle 公示中, the audit entry and the notices. None
    when the cycle is no longer 发布中 (another run finished it)."""
    note_stage(publication, "正在计算全部单位的得分")
    live = computed_whole(publication.cycle)
    note_stage(publication, "正在整理公示结果")
    frozen = frozen_units(live, publication.cycle)
    note_stage(publication, "正在保存公示结果")
    with transaction.atomic():
        cycle = locked_cycle(publication.cycle)
        if cycle.status != Status.PUBLISHING:
            elsewhere = f"周期当前{cycle.get_status_display()}，本次发布未执行"
            end_publication(publication, Publication.Status.FAILED, [elsewhere])
            return None
        return published(publication, cycle, live, frozen)


def published(publication: Publication, cycle: Cycle, live: LiveResult, frozen: Frozen) -> Snapshot:
    actor = publication.started_by
    deadline = add_working_days(timezone.localdate(), cycle.appeal_working_days)
    snapshot = freeze_snapshot(actor, cycle, live, "首次公示", deadline, frozen)
    change_status(actor, cycle, Status.PUBLISHING, Status.PUBLISHED, Action.RESULTS_PUBLISHED)
    log_change(
        actor,
        Action.RESULTS_PUBLISHED,
        snapshot,
        new={"公示序号": snapshot.number, "申诉截止日期": str(deadline)},
    )
    end_publication(publication, Publication.Status.DONE, [])
    announce(cycle, f"「{cycle}」考核结果已公示，申诉截止 {deadline:%Y-%m-%d}")
    return snapshot


@transaction.atomic
def fail_publication(publication: Publication, problems: list[str]) -> None:
    """A publication that could not finish: the cycle back to 已锁定 (the office may correct and
    publish again), the reasons kept for its page and written to the audit log."""
    cycle = locked_cycle(publication.cycle)
    if cycle.status == Status.PUBLISHING:
        cycle.status = Status.LOCKED
        cycle.save(update_fields=["status"])
        reverted = {"状态": cycle.get_status_display(), "原因": problems}
        log_change(None, Action.PUBLICATION_FAILED, cycle, old="发布中", new=reverted)
    end_publication(publication, Publication.Status.FAILED, problems)


def note_stage(publication: Publication, text: str) -> None:
    publication.stage = text
    Publication.objects.filter(pk=publication.pk).update(stage=text)


def end_publication(publication: Publication, status: str, problems: list[str]) -> None:
    publication.status, publication.problems = status, problems
    publication.stage, publication.finished_at = "", timezone.now()
    publication.save(update_fields=["status", "problems", "stage", "finished_at"])


@task()
def make_publication(publication_id: int) -> None:
    """Make the publication's snapshot once (a finished publication is left alone)."""
    found = Publication.objects.select_related("cycle", "started_by").filter(pk=publication_id)
    publication = found.first()
    if publication is None or publication.finished:
        return
    try:
        finish_publication(publication)
    except ValidationError as refused:
        fail_publication(publication, refused.messages)
    except Exception:
        fail_publication(publication, [BROKE])
        raise
