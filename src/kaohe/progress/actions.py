"""Every change to progress reports: permission check, transaction, audit, then notification."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kaohe import uploads
from kaohe.accounts.models import User
from kaohe.accounts.roles import Role
from kaohe.audit.log import Action, log_change
from kaohe.cycles import access
from kaohe.cycles.actions import notify_changed
from kaohe.cycles.models import Assignment, Cycle, CycleUnit
from kaohe.progress import signoff
from kaohe.progress.dues import tasks_by_unit
from kaohe.progress.models import Evidence, Notification, Schedule, SignOff, Submission
from kaohe.progress.notify import notify
from kaohe.progress.periods import period_of

EVIDENCE_FOLDER = "evidence"

Status = Submission.Status
AUDIT_ACTIONS = {
    SignOff.Decision.SUBMIT: Action.SUBMISSION_SUBMITTED,
    SignOff.Decision.APPROVE: Action.SUBMISSION_APPROVED,
    SignOff.Decision.ACCEPT: Action.SUBMISSION_ACCEPTED,
    SignOff.Decision.RETURN: Action.SUBMISSION_RETURNED,
}


def ensure_open(cycle: Cycle) -> None:
    if not cycle.is_open:
        raise ValidationError(f"考核周期「{cycle}」{cycle.get_status_display()}，不能再报送或签批")


def locked(submission_id: int) -> Submission:
    return (
        Submission.objects.select_for_update()
        .select_related("cycle_unit__cycle", "cycle_unit__unit", "assignment")
        .get(pk=submission_id)
    )


def link(submission: Submission) -> str:
    return reverse("progress:submission", args=[submission.pk])


@transaction.atomic
def set_schedule(actor: User, cycle: Cycle, frequency: str, working_days: int) -> Schedule:
    access.require(access.is_office(actor), "只有考核办可以设置报送安排")
    if frequency not in Schedule.Frequency.values or not 0 <= working_days <= 30:
        raise ValidationError("报送频次或期限不正确")
    schedule, _ = Schedule.objects.get_or_create(cycle=cycle)
    old = {"频次": schedule.get_frequency_display(), "期限": schedule.working_days}
    schedule.frequency, schedule.working_days = frequency, working_days
    schedule.save(update_fields=["frequency", "working_days"])
    new = {"频次": schedule.get_frequency_display(), "期限": schedule.working_days}
    log_change(actor, Action.SCHEDULE_SET, schedule, old=old, new=new)
    return schedule


@transaction.atomic
def start_submission(
    actor: User, cycle_unit: CycleUnit, assignment: Assignment, period: str
) -> Submission:
    """The report for that task and period, created as a draft on first use."""
    ensure_open(cycle_unit.cycle)
    if not access.reports_for(actor, cycle_unit):
        raise PermissionDenied("只有本单位的填报人可以报送进度")
    if assignment not in tasks_by_unit(cycle_unit.cycle, [cycle_unit]).get(cycle_unit.pk, []):
        raise PermissionDenied("该任务不由本单位负责")
    if period_of(cycle_unit.cycle, assignment, period) is None:
        raise ValidationError(f"期间「{period}」不在本考核周期的报送安排中")
    submission, created = Submission.objects.get_or_create(
        cycle_unit=cycle_unit, assignment=assignment, period=period, defaults={"created_by": actor}
    )
    if created:
        log_change(actor, Action.SUBMISSION_STARTED, submission, new={"期间": period})
    return submission


@transaction.atomic
def save_progress(actor: User, submission_id: int, expected_version: int, content: str) -> None:
    submission = locked(submission_id)
    ensure_open(submission.cycle)
    if not access.may_edit_report(actor, submission):
        raise PermissionDenied("该报送当前不能由您修改")
    if submission.version != expected_version:
        raise ValidationError("该报送已被他人修改，请刷新后再改（您的修改未保存）")
    old = submission.content
    submission.content = content.strip()
    submission.version += 1
    submission.save(update_fields=["content", "version", "updated_at"])
    log_change(actor, Action.PROGRESS_WRITTEN, submission, old=old, new=submission.content)


@transaction.atomic
def add_evidence(actor: User, submission_id: int, upload: UploadedFile) -> Evidence:
    submission = locked(submission_id)
    ensure_open(submission.cycle)
    if not access.may_edit_report(actor, submission):
        raise PermissionDenied("该报送当前不能由您上传材料")
    evidence = uploads.attach(actor, Evidence, EVIDENCE_FOLDER, upload, submission=submission)
    log_change(
        actor,
        Action.PROGRESS_EVIDENCE_ATTACHED,
        evidence,
        new=evidence.audit_fields(),
    )
    return evidence


@transaction.atomic
def remove_evidence(actor: User, evidence_id: int) -> None:
    evidence = Evidence.objects.select_related("submission").get(pk=evidence_id)
    submission = locked(evidence.submission_id)
    ensure_open(submission.cycle)
    if not access.may_edit_report(actor, submission):
        raise PermissionDenied("该报送当前不能由您删除材料")
    log_change(
        actor,
        Action.PROGRESS_EVIDENCE_REMOVED,
        evidence,
        old=evidence.audit_fields(),
    )
    stored_name = evidence.stored_name
    evidence.delete()
    transaction.on_commit(lambda: uploads.discard(stored_name))


def move(actor: User, submission: Submission, to: str, decision: str, reason: str = "") -> None:
    """Moves the report along the chain; 写实考核 may change, so results recompute."""
    old = submission.get_status_display()
    step = submission.status
    submission.status = to
    submission.save(update_fields=["status", "updated_at"])
    SignOff.objects.create(
        submission=submission, step=step, decision=decision, reason=reason, actor=actor
    )
    notify_changed(submission.cycle, submission.cycle_unit)
    log_change(
        actor,
        AUDIT_ACTIONS[decision],
        submission,
        old=old,
        new=submission.get_status_display() + (f"（{reason}）" if reason else ""),
    )


@transaction.atomic
def submit(actor: User, submission_id: int) -> Submission:
    submission = locked(submission_id)
    ensure_open(submission.cycle)
    if not access.may_edit_report(actor, submission):
        raise PermissionDenied("该报送当前不能由您报送")
    if not submission.content:
        raise ValidationError("请先填写进展情况再报送")
    now = timezone.now()
    submission.submitted_at = now
    submission.first_submitted_at = submission.first_submitted_at or now
    submission.return_reason = ""
    submission.save(update_fields=["submitted_at", "first_submitted_at", "return_reason"])
    move(
        actor,
        submission,
        signoff.step_after(Status.DRAFT, submission.cycle_unit),
        SignOff.Decision.SUBMIT,
    )
    tell_next_signers(submission)
    return submission


@transaction.atomic
def approve(actor: User, submission_id: int, opinion: str = "") -> Submission:
    """The current signer agrees, with an opinion (意见) if they give one: on to the next step,
    or accepted when the office signs."""
    submission = locked(submission_id)
    ensure_open(submission.cycle)
    if not access.may_sign(actor, submission):
        raise PermissionDenied("该报送当前不由您签批")
    accepting = submission.status == Status.OFFICE
    decision = SignOff.Decision.ACCEPT if accepting else SignOff.Decision.APPROVE
    after = signoff.step_after(submission.status, submission.cycle_unit)
    move(actor, submission, after, decision, opinion.strip()[:500])
    if accepting:
        notify(
            access.holders(Role.REPORTER, submission.cycle_unit),
            f"{describe(submission)}已通过考核办验收",
            link(submission),
        )
    else:
        tell_next_signers(submission)
    return submission


@transaction.atomic
def send_back(actor: User, submission_id: int, reason: str) -> Submission:
    submission = locked(submission_id)
    ensure_open(submission.cycle)
    if not access.may_sign(actor, submission):
        raise PermissionDenied("该报送当前不由您签批")
    reason = reason.strip()
    if not reason:
        raise ValidationError("退回必须写明理由")
    submission.return_reason = reason[:500]
    submission.times_returned += 1
    submission.save(update_fields=["return_reason", "times_returned"])
    move(actor, submission, Status.RETURNED, SignOff.Decision.RETURN, reason[:500])
    notify(
        access.holders(Role.REPORTER, submission.cycle_unit),
        f"{describe(submission)}被{actor}退回：{reason}",
        link(submission),
    )
    return submission


def describe(submission: Submission) -> str:
    task = submission.assignment.node_name
    return f"「{submission.cycle_unit}」{task}（{submission.period_label}）的进度报送"


def tell_next_signers(submission: Submission) -> None:
    users = signoff.signers(submission.status, submission.cycle_unit)
    ask = "验收" if submission.status == Status.OFFICE else "审核"
    notify(users, f"{describe(submission)}已报送，待您{ask}", link(submission))


@transaction.atomic
def mark_read(user: User, notification_id: int | None = None) -> int:
    """Marks the user's own notifications read (one, or all). Not audited: it is the reader's
    own inbox state, not assessment data."""
    found = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_id is not None:
        found = found.filter(pk=notification_id)
    return found.update(read_at=timezone.now())
