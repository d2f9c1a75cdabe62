"""The phone page's script sends a ballot as one JSON body of the form's fields, the CSRF token
in its X-CSRFToken header, and is answered 204 once the ballot is stored, or with its problems
in Chinese. The marks are checked where the form's are (marks.py:read_marks)."""

import json
import re
from typing import Any

import pytest
from django.test import Client

from kaohe.evaluations import actions
from kaohe.evaluations.models import Ballot, VotingCode
from tests.evaluations.conftest import open_now, scores_for


@pytest.fixture
def phone(leadership_review: Any) -> Any:
    """A phone that opened the page of a fresh code: its CSRF cookie and the page's token."""
    found = leadership_review
    open_now(found, found.evaluation)
    [found.code] = actions.issue_codes(found.office, found.principal_group, 1)
    found.client = Client(enforce_csrf_checks=True)
    page = found.client.get(f"/evaluations/v/{found.code}/")
    found.token = str(page.context["csrf_token"])
    return found


def sent(found: Any, body: Any, token: str | None = "page") -> Any:
    headers = {} if token is None else {"X-CSRFToken": found.token if token == "page" else token}
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    return found.client.post(
        f"/evaluations/v/{found.code}/", text, content_type="application/json", headers=headers
    )


def test_a_ballot_sent_as_the_phone_sends_it_is_counted_once(phone: Any) -> None:
    marks = scores_for(phone.principal_group, None, {"党建科": "90", "办公室": "75.5"})

    response = sent(phone, marks)

    assert response.status_code == 204 and response.content == b""
    ballot = Ballot.objects.get()
    units = {phone.units[label].pk: label for label in ("党建科", "办公室")}
    assert {units[int(k)]: list(v.values()) for k, v in ballot.marks.items() if v} == {
        "党建科": ["90"],
        "办公室": ["75.5"],
    }
    assert VotingCode.objects.get().used and "sessionid" not in response.cookies


def test_a_replayed_ballot_is_refused_in_chinese(phone: Any) -> None:
    marks = scores_for(phone.principal_group, None, {"党建科": "90"})
    assert sent(phone, marks).status_code == 204

    again = sent(phone, marks)

    assert again.status_code == 404
    assert again.json() == {"problems": ["该测评码无效或已经使用过"]}
    assert Ballot.objects.count() == 1


@pytest.mark.parametrize("token", [None, "x" * 32, "短"], ids=["missing", "wrong", "malformed"])
def test_a_ballot_without_the_pages_csrf_token_is_refused(phone: Any, token: Any) -> None:
    marks = scores_for(phone.principal_group, None, {"党建科": "90"})

    response = sent(phone, marks, token)

    assert response.status_code == 403 and "页面已过期" in response.content.decode()
    assert not Ballot.objects.exists() and not VotingCode.objects.get().used


def test_bad_marks_are_refused_naming_the_unit_and_the_dimension(phone: Any) -> None:
    marks = scores_for(phone.principal_group, None, {"党建科": "101", "办公室": "好"})

    response = sent(phone, marks)

    assert response.status_code == 400
    problems = response.json()["problems"]
    assert any(p.startswith("「党建科」的「综合评价」应为 0 到 100 的分数") for p in problems)
    assert any(p.startswith("「办公室」的「综合评价」应为 0 到 100 的分数") for p in problems)
    assert not Ballot.objects.exists() and not VotingCode.objects.get().used


@pytest.mark.parametrize(
    "body",
    ["不是JSON", "[1, 2]", '{"m-1-1": 90}', '{"m-1-1": ["90"]}', "[" * 100_000],
    ids=["text", "list", "number", "nested", "deep"],
)
def test_a_body_that_is_not_the_forms_fields_is_refused_in_chinese(phone: Any, body: str) -> None:
    response = sent(phone, body)

    assert response.status_code == 400
    assert response.json() == {"problems": ["提交的内容无法识别，请刷新页面后重新提交"]}
    assert not Ballot.objects.exists() and not VotingCode.objects.get().used


def test_a_named_evaluators_ballot_goes_the_same_way(leadership_review: Any) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    client = Client(enforce_csrf_checks=True)
    client.force_login(found.principal)
    url = f"/evaluations/groups/{found.principal_group.pk}/vote/"
    token = str(client.get(url).context["csrf_token"])
    marks = json.dumps(scores_for(found.principal_group, found.principal, {"党建科": "90"}))

    first = client.post(url, marks, content_type="application/json", headers={"X-CSRFToken": token})
    again = client.post(url, marks, content_type="application/json", headers={"X-CSRFToken": token})

    assert first.status_code == 204 and Ballot.objects.count() == 1
    assert again.status_code == 403 and "您不能填写" in again.content.decode()


def test_the_phone_page_names_its_own_icon_so_the_phone_asks_for_nothing_missing(
    leadership_review: Any,
) -> None:
    # Without a named icon a phone's browser asks for /favicon.ico, which the app does not serve.
    from django.contrib.staticfiles import finders

    found = leadership_review
    open_now(found, found.evaluation)
    [code] = actions.issue_codes(found.office, found.principal_group, 1)
    page = Client().get(f"/evaluations/v/{code}/").content.decode()

    [icon] = re.findall(r'<link rel="icon" href="/static/([^"]+)"', page)
    assert finders.find(icon)
