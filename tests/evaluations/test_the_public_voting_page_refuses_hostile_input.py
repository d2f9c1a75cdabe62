"""The code page is the one door without a login: whatever is posted or put in its URL, it
answers in Chinese and never with a server error, and a refused ballot uses up nothing."""

from typing import Any

import pytest
from django.test import Client

from kaohe.evaluations import actions
from kaohe.evaluations.models import Ballot, VotingCode
from tests.evaluations.conftest import open_now, scores_for

HOSTILE = [
    "NaN",
    "sNaN",
    "-Infinity",
    "1e999999",
    "9" * 40,
    "\x00\x01",
    "长" * 5000,
    "-1",
    "100.001",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_mark_is_refused_in_chinese(leadership_review: Any, value: str) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    [code] = actions.issue_codes(found.office, found.principal_group, 1)
    data = scores_for(found.principal_group, None, {"党建科": value})

    response = Client().post(f"/evaluations/v/{code}/", data)

    assert response.status_code == 400
    assert "应为 0 到 100 的分数" in response.content.decode()
    assert not Ballot.objects.exists() and not VotingCode.objects.get().used


@pytest.mark.parametrize("code", ["%00", "A" * 500, "%3Cscript%3E", "ABCDE-FGHJK", "长长"])
def test_a_code_that_is_no_code_is_refused(leadership_review: Any, code: str) -> None:
    response = Client().post(f"/evaluations/v/{code}/", {"m-1-1": "满意"})
    assert response.status_code == 404
    assert "该测评码无效或已经使用过" in response.content.decode()


def test_a_comment_with_control_characters_is_kept_clean(leadership_review: Any) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    [code] = actions.issue_codes(found.office, found.principal_group, 1)
    unit = found.units["党建科"]
    data = {
        **scores_for(found.principal_group, None, {"党建科": "90"}),
        f"c-{unit.pk}": "好\x00评\x07",
    }

    assert Client().post(f"/evaluations/v/{code}/", data).status_code == 302
    assert Ballot.objects.get().comments == {str(unit.pk): "好评"}
