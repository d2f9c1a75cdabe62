"""Casting a ballot: with a one-time code, or as a named evaluator. Neither writes an audit
entry, a time finer than the day or anything that names the voter beside the ballot."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kaohe.evaluations import codes
from kaohe.evaluations.access import accepting, may_vote
from kaohe.evaluations.marks import form_for, read_marks
from kaohe.evaluations.models import (
    Ballot,
    EvaluatorGroup,
    Participation,
    VotingCode,
)

REFUSED_CODE = "该测评码无效或已经使用过"


def store_ballot(
    group: EvaluatorGroup, marks: Any, comments: Any, is_test: bool, **more: Any
) -> None:
    Ballot.objects.create(
        group=group,
        cast_on=timezone.localdate(),
        is_test=is_test,
        marks=marks,
        comments=comments,
        **more,
    )


def code_holder(code: str) -> VotingCode | None:
    """The unused code, with its batch, group and evaluation (None: no such code, or used)."""
    related = "batch__group__evaluation__cycle"
    return (
        VotingCode.objects.select_related(related)
        .filter(digest=codes.digest(code), used=False)
        .first()
    )


def cast_with_code(code: str, data: Mapping[str, Any]) -> None:
    """One ballot for one code: the code is marked used by a conditional UPDATE in the same
    transaction as the ballot's INSERT, so a code votes once however many submit it at once."""
    with transaction.atomic():
        holder = code_holder(code)
        if holder is None:
            raise ValidationError(REFUSED_CODE)
        group, is_test = holder.batch.group, holder.batch.is_test
        if not accepting(group.evaluation, test=is_test):
            raise ValidationError(f"「{group.evaluation}」当前不接受填写")
        marks, comments = read_marks(form_for(group), data)
        if VotingCode.objects.filter(pk=holder.pk, used=False).update(used=True) != 1:
            raise ValidationError(REFUSED_CODE)
        store_ballot(group, marks, comments, is_test)


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
            store_ballot(group, marks, comments, is_test=False)
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
