"""公示 in the background: publishing turns a locked cycle 发布中 and returns at once; a
django-tasks job (``make_publication``: ``KAOHE_TASKS=worker`` queues it for the task worker,
``immediate`` runs it when the request's transaction commits) computes the whole cycle and
freezes the first snapshot, then the cycle is 公示中. The ``Publication`` row is a
``kaohe.jobs.BackgroundJob`` run by ``run_once``, as an import or a download is; its page polls it
for the step. Whatever stops the job puts the cycle back to 已锁定 with the reason on the page
and in the audit log — never 发布中 for good; only a locked database leaves it 发布中, queued
again for the task worker.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from kaohe.accounts.models import User
from kaohe.audit.log import Action, log_change
from kaohe.cycles.access import require_office
from kaohe.cycles.models import Cycle
from kaohe.jobs import Fields, JobRefused, run_once, waiting
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
ENDED_WELL: Fields = {"problems": []}


@transaction.atomic
def publish_results(actor: User, cycle: Cycle) -> Publication:
    """公示, begun: the cycle turns 发布中 and the snapshot is made by a background job
    (``make_publication``), queued when this transaction commits — a cycle of
    any size returns at once. With the immediate task backend the job runs at the commit."""
    require_office(actor)
    cycle = change_status(actor, cycle, Status.LOCKED, Status.PUBLISHING, Action.CYCLE_PUBLISHED)
    publication = Publication.objects.create(
        cycle=cycle,
        started_by=actor,
        title=f"公示「{cycle.name}」考核结果",
        status=Publication.Status.RUNNING,  # 发布中 from now on, as its cycle is
        stage="排队等待后台发布",
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


@task()
def make_publication(publication_id: int) -> None:
    """Makes the publication's snapshot once (``kaohe.jobs.run_once``: a finished publication is
    left alone, a locked database puts it back in the queue with the cycle still 发布中)."""
    publication = waiting(Publication, publication_id)
    if publication is None:
        return
    run_once(
        publication,
        lambda: made(publication),
        refused=lambda refusal: back_to_locked(publication, refusal.problems),
        broken=lambda: back_to_locked(publication, [BROKE]),
    )


def made(publication: Publication) -> Fields:
    """The job's work; records that do not fit the scheme refuse it with every problem."""
    try:
        finish_publication(publication)
    except ValidationError as refused:
        raise JobRefused(refused.messages) from refused
    except AlreadyMade:
        return ENDED_WELL  # the other run published it: the publication stays 已发布
    return ENDED_WELL


def finish_publication(publication: Publication) -> Snapshot:
    """The whole cycle computed outside any transaction, then in one short transaction the
    snapshot frozen, the cycle 公示中, the audit entry and the notices. Refused when the cycle is
    no longer 发布中 (another run finished it)."""
    publication.step("正在计算全部单位的得分")
    live = computed_whole(publication.cycle)
    publication.step("正在整理公示结果")
    frozen = frozen_units(live, publication.cycle)
    publication.step("正在保存公示结果")
    with transaction.atomic():
        cycle = locked_cycle(publication.cycle)
        if cycle.status != Status.PUBLISHING:
            if made_by_another_run(publication):
                raise AlreadyMade
            raise JobRefused(f"周期当前{cycle.get_status_display()}，本次发布未执行")
        return published(publication, cycle, live, frozen)


class AlreadyMade(Exception):
    """Another run of the same publication (queued again while this one computed) made it."""


def made_by_another_run(publication: Publication) -> bool:
    done = Publication.Status.DONE
    return Publication.objects.filter(pk=publication.pk, status=done).exists()


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
    publication.finish(**ENDED_WELL)  # with the cycle: its page never sees one without the other
    announce(cycle, f"「{cycle}」考核结果已公示，申诉截止 {deadline:%Y-%m-%d}")
    return snapshot


@transaction.atomic
def back_to_locked(publication: Publication, problems: list[Any]) -> Fields:
    """A publication that could not finish: the cycle back to 已锁定 (the office may correct and
    publish again) and the publication 发布失败 in one transaction, the reasons kept for its page
    and written to the audit log."""
    reasons = [str(problem) for problem in problems]
    cycle = locked_cycle(publication.cycle)
    if cycle.status == Status.PUBLISHING:
        cycle.status = Status.LOCKED
        cycle.save(update_fields=["status"])
        reverted = {"状态": cycle.get_status_display(), "原因": reasons}
        log_change(None, Action.PUBLICATION_FAILED, cycle, old="发布中", new=reverted)
    publication.fail(problems=reasons)
    return {"problems": reasons}
