"""The office's message after 「计票」 says what reached the scheme: a count whose groups all
missed their quorum sent no score, and the office must not be told that it did."""

from typing import Any

from django.urls import reverse

from kaohe.evaluations import actions
from tests.evaluations.conftest import open_now, scores_for


def counted_on_the_page(found: Any, client: Any) -> str:
    actions.close_evaluation(found.office, found.evaluation)
    client.force_login(found.office)
    url = reverse("evaluations:count", args=[found.evaluation.pk])
    return client.post(url, follow=True).content.decode()


def vote(group: Any, user: Any, by_label: dict[str, str]) -> None:
    actions.cast_as_member(user, group, scores_for(group, user, by_label))


def test_a_count_that_sends_no_score_says_so(leadership_review: Any, client: Any) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    vote(found.deputy_group, found.deputies[0], {"党建科": "80"})  # 1 of 3: quorum missed

    page = counted_on_the_page(found, client)

    assert "得分已计入方案" not in page
    assert "没有得分计入方案的测评指标" in page
    assert "未达到发出 3 张的有效人数要求" in page


def test_a_count_names_how_many_units_were_scored(leadership_review: Any, client: Any) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    vote(found.principal_group, found.principal, {"党建科": "90", "办公室": "70"})

    page = counted_on_the_page(found, client)

    assert "计票完成，2 个单位的得分已计入方案的测评指标" in page
