from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kaohe.evaluations import actions
from kaohe.evaluations.models import Ballot, CodeBatch, VotingCode
from tests.evaluations.conftest import scores_for


def test_throwaway_codes_vote_while_testing_and_are_wiped_when_the_real_run_opens(
    leadership_review: Any,
) -> None:
    found = leadership_review
    actions.start_test(found.office, found.evaluation)
    [code] = actions.issue_codes(found.office, found.principal_group, 1)
    assert CodeBatch.objects.get().is_test
    actions.cast_with_code(code, scores_for(found.principal_group, None, {"党建科": "60"}))
    assert Ballot.objects.filter(is_test=True).count() == 1

    actions.open_evaluation(found.office, found.evaluation)

    assert not Ballot.objects.exists() and not VotingCode.objects.exists()
    page = Client().get(reverse("evaluations:vote_with_code", args=[code]))
    assert page.status_code == 404


def test_a_named_evaluator_cannot_vote_before_the_real_run(
    leadership_review: Any, client: Any
) -> None:
    found = leadership_review
    actions.start_test(found.office, found.evaluation)
    client.force_login(found.principal)
    response = client.get(reverse("evaluations:vote", args=[found.principal_group.pk]))
    assert response.status_code == 403 and "未开放" in response.content.decode()


@pytest.mark.parametrize(
    "tested, said",
    [(False, "测评已开启</"), (True, "测评已开启；试测码和试测票已清除")],
)
def test_opening_says_test_codes_were_wiped_only_when_there_was_a_test_run(
    leadership_review: Any, client: Any, tested: bool, said: str
) -> None:
    found = leadership_review
    if tested:
        actions.start_test(found.office, found.evaluation)
    client.force_login(found.office)

    page = client.post(reverse("evaluations:open", args=[found.evaluation.pk]), follow=True)

    assert said in page.content.decode()


@pytest.mark.parametrize("tested", [False, True])
def test_the_question_before_opening_warns_of_wiped_test_codes_only_after_a_test_run(
    leadership_review: Any, client: Any, tested: bool
) -> None:
    """Found by session 11's walk: a clerk who never ran a test was asked to accept that its
    codes and ballots would be wiped."""
    found = leadership_review
    if tested:
        actions.start_test(found.office, found.evaluation)
    client.force_login(found.office)

    page = client.get(reverse("evaluations:detail", args=[found.evaluation.pk])).content.decode()

    question = page.split(">开启正式测评</button>")[0].rsplit("data-confirm=", 1)[1]
    assert "评议组和测评表不能再修改" in question
    assert ("试测码和试测票将全部清除" in question) is tested
