"""Running an evaluation: test codes, opening (test data wiped), codes and links, closing."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from kaohe.audit.log import Action, log_change
from kaohe.evaluations import codes, senders
from kaohe.evaluations.access import PERSONAL_SCOPES, require_office
from kaohe.evaluations.models import (
    Ballot,
    CodeBatch,
    Evaluation,
    EvaluatorGroup,
    PaperSession,
    VotingCode,
)

MAX_BATCH = 5000
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^1\d{10}$")


def locked(evaluation: Evaluation) -> Evaluation:
    return Evaluation.objects.select_for_update().get(pk=evaluation.pk)


def move(
    actor: Any, evaluation: Evaluation, allowed: set[str], to: str, action: Action
) -> Evaluation:
    require_office(actor)
    evaluation = locked(evaluation)
    if evaluation.status not in allowed:
        raise ValidationError(
            f"测评「{evaluation}」{evaluation.get_status_display()}，不能执行此操作"
        )
    if not evaluation.groups.exists():
        raise ValidationError("请先设置至少一个评议组")
    old = evaluation.get_status_display()
    evaluation.status = to
    evaluation.save(update_fields=["status"])
    log_change(actor, action, evaluation, old=old, new=evaluation.get_status_display())
    return evaluation


@transaction.atomic
def start_test(actor: Any, evaluation: Evaluation) -> Evaluation:
    draft = {Evaluation.Status.DRAFT}
    return move(actor, evaluation, draft, Evaluation.Status.TESTING, Action.EVALUATION_TEST_STARTED)


@transaction.atomic
def open_evaluation(actor: Any, evaluation: Evaluation) -> Evaluation:
    """Opens the real run; every test code, test ballot and test paper session is wiped first."""
    settable = {Evaluation.Status.DRAFT, Evaluation.Status.TESTING}
    evaluation = move(actor, evaluation, settable, Evaluation.Status.OPEN, Action.EVALUATION_OPENED)
    wiped = wipe_test_data(evaluation)
    log_change(actor, Action.EVALUATION_OPENED, evaluation, new={"清除试测票": wiped})
    return evaluation


def wipe_test_data(evaluation: Evaluation) -> int:
    ballots = Ballot.objects.filter(group__evaluation=evaluation, is_test=True)
    count = ballots.count()
    ballots.delete()
    CodeBatch.objects.filter(group__evaluation=evaluation, is_test=True).delete()
    PaperSession.objects.filter(group__evaluation=evaluation, is_test=True).delete()
    return count


@transaction.atomic
def close_evaluation(actor: Any, evaluation: Evaluation) -> Evaluation:
    return move(
        actor,
        evaluation,
        {Evaluation.Status.OPEN},
        Evaluation.Status.CLOSED,
        Action.EVALUATION_CLOSED,
    )


def check_issuing(group: EvaluatorGroup, size: int) -> bool:
    """Whether the codes are throwaway (testing); refuses what cannot take codes."""
    group.evaluation = locked(group.evaluation)
    status = group.evaluation.status
    if status not in {Evaluation.Status.TESTING, Evaluation.Status.OPEN}:
        raise ValidationError("测评码只能在试测或进行中生成")
    if group.scope in PERSONAL_SCOPES:
        raise ValidationError(
            f"评议组「{group.name}」按评议人所在单位确定评议对象，只能由有账户的评议人填写"
        )
    if not 0 < size <= MAX_BATCH:
        raise ValidationError(f"每批可生成 1 到 {MAX_BATCH} 个测评码")
    return status == Evaluation.Status.TESTING


@transaction.atomic
def issue_codes(
    actor: Any, group: EvaluatorGroup, size: int, kind: str = CodeBatch.Kind.PRINTED
) -> list[str]:
    """A batch of codes; the codes themselves are returned once, to print or send, and kept
    only as digests."""
    require_office(actor)
    is_test = check_issuing(group, size)
    batch = CodeBatch.objects.create(
        group=group, kind=kind, size=size, is_test=is_test, created_by=actor
    )
    drawn = list(dict.fromkeys(codes.new_code() for _ in range(size)))
    while len(drawn) < size:
        drawn = list(dict.fromkeys([*drawn, codes.new_code()]))
    VotingCode.objects.bulk_create(VotingCode(batch=batch, digest=codes.digest(c)) for c in drawn)
    new = {"评议组": group.name, "方式": batch.get_kind_display(), "数量": size, "试测": is_test}
    log_change(actor, Action.VOTING_CODES_ISSUED, batch, new=new)
    return drawn


def ballot_link(code: str, site: str = "") -> str:
    return public_link(reverse("evaluations:vote_with_code", args=[code]), site)


def code_entry_link(site: str = "") -> str:
    """Where a phone that cannot scan a slip types its code."""
    return public_link(reverse("evaluations:enter_code"), site)


def public_link(path: str, site: str = "") -> str:
    """The address a voter's phone opens: KAOHE_PUBLIC_URL when it is set, else ``site``, the
    address the office itself is using (a phone cannot open a link to the server's 127.0.0.1)."""
    return (settings.PUBLIC_URL or site).rstrip("/") + path


def addresses_from(text: str, kind: str) -> list[str]:
    """One address a line; a line that is no e-mail address (or no mobile number) is named."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    pattern, label = (EMAIL, "电子邮箱") if kind == CodeBatch.Kind.EMAIL else (PHONE, "手机号码")
    wrong = [
        f"第 {n} 行「{line[:40]}」不是{label}"
        for n, line in enumerate(lines, 1)
        if not pattern.match(line)
    ]
    if wrong or not lines:
        raise ValidationError(wrong or [f"请每行填写一个{label}"])
    return list(dict.fromkeys(lines))


def send_codes(actor: Any, group: EvaluatorGroup, text: str, kind: str, site: str = "") -> int:
    """One code per address, sent as a link (on ``site`` unless KAOHE_PUBLIC_URL says where);
    the addresses are not stored anywhere."""
    addresses = addresses_from(text, kind)
    drawn = issue_codes(actor, group, len(addresses), kind)
    send = senders.send_by_email if kind == CodeBatch.Kind.EMAIL else senders.send_by_sms
    for address, code in zip(addresses, drawn, strict=True):
        send(address, group.evaluation.name, ballot_link(code, site))
    return len(drawn)
