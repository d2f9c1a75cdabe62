"""A code's ballot claims the code and stores the ballot in one transaction (static SQL, on
SQLite and PostgreSQL alike): a ballot refused for any reason leaves the code unused and stores
nothing; a kept one stores the group, the day, whether a test ballot and the marks as posted."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from kaohe.evaluations import actions
from kaohe.evaluations.models import Ballot, Evaluation, VotingCode
from tests.evaluations.conftest import open_now, scores_for

HOUR = datetime.timedelta(hours=1)


def issued_code(found: Any) -> str:
    open_now(found, found.evaluation)
    [code] = actions.issue_codes(found.office, found.principal_group, 1)
    return code


@pytest.mark.parametrize(
    "window",
    [{"closes_at": -HOUR}, {"opens_at": HOUR, "closes_at": 2 * HOUR}],
    ids=["after-closing", "before-opening"],
)
def test_a_code_posted_outside_the_evaluations_hours_is_refused_and_stays_unused(
    leadership_review: Any, window: dict[str, datetime.timedelta]
) -> None:
    found = leadership_review
    code = issued_code(found)
    moments = {name: timezone.now() + shift for name, shift in window.items()}
    Evaluation.objects.filter(pk=found.evaluation.pk).update(**moments)

    with pytest.raises(ValidationError, match="测评当前不接受填写"):
        actions.cast_with_code(code, scores_for(found.principal_group, None, {"党建科": "90"}))

    assert not Ballot.objects.exists() and not VotingCode.objects.get().used


def test_a_code_of_a_closed_evaluation_is_refused_on_the_phone_and_stays_unused(
    leadership_review: Any,
) -> None:
    found = leadership_review
    code = issued_code(found)
    Evaluation.objects.filter(pk=found.evaluation.pk).update(status=Evaluation.Status.CLOSED)

    data = scores_for(found.principal_group, None, {"党建科": "90"})
    response = Client().post(f"/evaluations/v/{code}/", data)

    assert response.status_code == 403 and "测评当前不接受填写" in response.content.decode()
    assert not Ballot.objects.exists() and not VotingCode.objects.get().used


def test_a_kept_ballot_stores_its_group_the_day_and_the_marks_as_posted(
    leadership_review: Any,
) -> None:
    found = leadership_review
    code = issued_code(found)
    data = scores_for(found.principal_group, None, {"党建科": "90.5", "督查科": "60"})

    actions.cast_with_code(code, data)

    ballot = Ballot.objects.get()
    assert ballot.group == found.principal_group and not ballot.is_test
    assert ballot.cast_on == timezone.localdate() and ballot.paper_session is None
    assert sorted(v for marks in ballot.marks.values() for v in marks.values()) == ["60", "90.5"]
    assert VotingCode.objects.get().used
    with pytest.raises(ValidationError, match="该测评码无效或已经使用过"):
        actions.cast_with_code(code, data)
    assert Ballot.objects.count() == 1
