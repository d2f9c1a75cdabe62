"""Casting a ballot: with a one-time code, or as a named evaluator. Neither writes an audit
entry, a time finer than the day or anything that names the voter beside the ballot."""

from __future__ import annotations

import datetime
import functools
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from kaohe.evaluations import codes
from kaohe.evaluations.access import accepting, may_vote
from kaohe.evaluations.marks import Form, form_for, read_marks, running_form
from kaohe.evaluations.models import (
    Ballot,
    Evaluation,
    EvaluatorGroup,
    Participation,
    VotingCode,
)

REFUSED_CODE = "该测评码无效或已经使用过"


def store_ballot(group_id: int, marks: Any, comments: Any, is_test: bool) -> None:
    Ballot.objects.create(
        group_id=group_id,
        cast_on=timezone.localdate(),
        is_test=is_test,
        marks=marks,
        comments=comments,
    )


@dataclass(frozen=True)
class CodeHolder:
    """An unused code read as one row: its group, whether it is a test code, and the state of
    the evaluation (its ``status``, ``opens_at`` and ``closes_at``, as ``accepting`` asks)."""

    code_id: uuid.UUID
    is_test: bool
    group_id: int
    status: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime

    @property
    def form(self) -> Form:
        """What the holder fills in; kept per process once the evaluation runs."""
        frozen = self.status not in SETTABLE
        return running_form(self.group_id, self.opens_at.isoformat(), keep=frozen)


SETTABLE = {Evaluation.Status.DRAFT, Evaluation.Status.TESTING}
HOLDER_COLUMNS = (
    "pk",
    "batch__is_test",
    "batch__group_id",
    "batch__group__evaluation__status",
    "batch__group__evaluation__opens_at",
    "batch__group__evaluation__closes_at",
)


@functools.cache
def unused_codes() -> QuerySet[VotingCode, tuple[Any, ...]]:
    """The unused codes as rows of ``HOLDER_COLUMNS``, built once: resolving the five columns'
    joins cost more than the query itself, on every ballot."""
    return VotingCode.objects.filter(used=False).order_by().values_list(*HOLDER_COLUMNS)


def code_holder(code: str) -> CodeHolder | None:
    """The unused code (None: no such code, or used), in one query of plain values."""
    rows = list(unused_codes().filter(digest=codes.digest(code))[:1])
    return CodeHolder(*rows[0]) if rows else None


def cast_with_code(code: str, data: Mapping[str, Any]) -> None:
    """One ballot for one code. The code, the evaluation and the marks are read and checked
    first, with no transaction open; then the code is marked used by a conditional UPDATE in
    the same short transaction as the ballot's INSERT, so a code votes once however many
    submit it at once, and the write lock is held for those two statements only."""
    holder = code_holder(code)
    if holder is None:
        raise ValidationError(REFUSED_CODE)
    if not accepting(holder, test=holder.is_test):
        raise ValidationError("测评当前不接受填写")
    marks, comments = read_marks(holder.form, data)
    with transaction.atomic():
        if VotingCode.objects.filter(pk=holder.code_id, used=False).update(used=True) != 1:
            raise ValidationError(REFUSED_CODE)
        store_ballot(holder.group_id, marks, comments, holder.is_test)


def cast_as_member(user: Any, group: EvaluatorGroup, data: Mapping[str, Any]) -> None:
    """A named evaluator's ballot; "has voted" is a separate row (no ballot, no time) whose
    unique constraint lets each member vote once."""
    try:
        with transaction.atomic():
            group = EvaluatorGroup.objects.select_related("evaluation__cycle").get(pk=group.pk)
            if not may_vote(user, group):
                raise ValidationError(
                    f"您不能填写「{group.evaluation} · {group.name}」（已填写或未开放）"
                )
            marks, comments = read_marks(form_for(group, user), data)
            Participation.objects.create(group=group, user=user)
            store_ballot(group.pk, marks, comments, is_test=False)
    except IntegrityError:
        raise ValidationError("您已经填写过这张测评表") from None


def store_paper_ballots(
    group: EvaluatorGroup, slips: Iterable[tuple[Any, Any]], session: Any
) -> None:
    Ballot.objects.bulk_create(
        Ballot(
            group=group,
            cast_on=timezone.localdate(),
            is_test=session.is_test,
            paper_session=session,
            marks=marks,
            comments=comments,
        )
        for marks, comments in slips
    )
