"""No table or log joins a ballot to a code, a person or an exact time."""

from typing import Any

from django.db import models
from django.test import Client
from django.urls import reverse

from kaohe.audit.models import AuditEntry
from kaohe.evaluations import actions
from kaohe.evaluations.models import Ballot, Participation, VotingCode
from tests.evaluations.conftest import open_now, scores_for


def test_a_ballot_row_has_a_random_key_the_day_and_the_marks_only(db: Any) -> None:
    fields = {field.name: field for field in Ballot._meta.get_fields()}
    assert set(fields) == {
        "id",
        "group",
        "cast_on",
        "is_test",
        "paper_session",
        "marks",
        "comments",
    }
    assert isinstance(fields["id"], models.UUIDField)
    assert type(fields["cast_on"]) is models.DateField  # the day, never a time
    assert Ballot._meta.ordering == ["id"]  # random: the order says nothing


def test_neither_a_code_nor_a_has_voted_row_points_at_a_ballot_or_keeps_a_time(db: Any) -> None:
    for model in (VotingCode, Participation):
        kinds = [type(field) for field in model._meta.get_fields()]
        assert models.DateTimeField not in kinds and models.DateField not in kinds
        assert all(
            getattr(field, "related_model", None) is not Ballot
            for field in model._meta.get_fields()
        )
        assert isinstance(model._meta.pk, models.UUIDField)
    # Nothing in the database refers to a ballot.
    assert [r for r in Ballot._meta.related_objects] == []


def test_voting_writes_no_audit_entry_and_keeps_no_code(leadership_review: Any) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    [code] = actions.issue_codes(found.office, found.principal_group, 1)
    before = AuditEntry.objects.count()

    data = scores_for(found.principal_group, None, {"党建科": "90"})
    actions.cast_with_code(code, data)
    actions.cast_as_member(
        found.deputies[0],
        found.deputy_group,
        scores_for(found.deputy_group, found.deputies[0], {"党建科": "80"}),
    )

    assert AuditEntry.objects.count() == before
    for ballot in Ballot.objects.all():
        stored = f"{ballot.marks}{ballot.comments}{ballot.cast_on}"
        assert code not in stored and found.deputies[0].username not in stored
    assert not VotingCode.objects.filter(digest__icontains=code).exists()


def test_the_voting_page_with_a_code_votes_once_without_an_account(leadership_review: Any) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    [code] = actions.issue_codes(found.office, found.principal_group, 1)
    client = Client(enforce_csrf_checks=True)
    url = reverse("evaluations:vote_with_code", args=[code])

    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "党建科" in text and "1 / 6" in text and 'name="csrfmiddlewaretoken"' in text
    data = scores_for(found.principal_group, None, {"党建科": "95", "办公室": "85"})
    assert client.post(url, data).status_code == 403  # CSRF still on

    token = client.cookies["csrftoken"].value
    response = client.post(url, {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"] == reverse("evaluations:thanks")
    assert Ballot.objects.count() == 1

    again = client.post(url, {**data, "csrfmiddlewaretoken": token})
    assert again.status_code == 404 and "该测评码无效或已经使用过" in again.content.decode()
    assert Ballot.objects.count() == 1


def test_a_mark_out_of_range_is_named_and_nothing_is_kept(leadership_review: Any) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    [code] = actions.issue_codes(found.office, found.principal_group, 1)
    client = Client()
    url = reverse("evaluations:vote_with_code", args=[code])
    data = scores_for(found.principal_group, None, {"党建科": "120"})

    response = client.post(url, data)

    assert response.status_code == 400
    assert "「党建科」的「综合评价」应为 0 到 100 的分数" in response.content.decode()
    assert not Ballot.objects.exists()
    assert VotingCode.objects.get().used is False  # the code can still vote


def test_a_named_evaluator_finds_the_form_at_home_and_votes_once(
    leadership_review: Any, client: Any
) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    client.force_login(found.principal)
    home = client.get(reverse("home")).content.decode()
    assert "二季度班子测评 · 主要领导" in home

    url = reverse("evaluations:vote", args=[found.principal_group.pk])
    data = scores_for(found.principal_group, found.principal, {"党建科": "90"})
    assert client.post(url, data).status_code == 302

    assert Participation.objects.filter(user=found.principal).count() == 1
    assert "二季度班子测评 · 主要领导" not in client.get(reverse("home")).content.decode()
    assert client.post(url, data).status_code == 403
    assert Ballot.objects.count() == 1


def test_the_office_sees_counts_per_group_never_the_ballots(
    leadership_review: Any, client: Any
) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    codes = actions.issue_codes(found.office, found.principal_group, 4)
    actions.cast_with_code(codes[0], scores_for(found.principal_group, None, {"党建科": "90"}))
    actions.cast_with_code(codes[1], {})  # blank: returned, not valid

    client.force_login(found.office)
    page = client.get(reverse("evaluations:detail", args=[found.evaluation.pk])).content.decode()

    # 主要领导: 1 member + 4 codes issued, 2 returned, 1 valid; 分管领导: 3 members.
    assert '<tr data-group="主要领导"><td>主要领导</td><td>5</td><td>2</td><td>1</td></tr>' in page
    assert '<tr data-group="分管领导"><td>分管领导</td><td>3</td><td>0</td><td>0</td></tr>' in page
    assert "90" not in page.split('id="live-counts"')[1].split("</table>")[0]
