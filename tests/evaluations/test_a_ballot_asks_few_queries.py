"""A code's ballot is the load the server takes at an on-site session (hundreds of phones in a
few minutes): in one transaction it claims its code (reading its group and evaluation in the same
statement) and writes the ballot, however many units it rates, and starts no session."""

import json
from typing import Any

from django.test import Client

from kaohe.evaluations import actions
from kaohe.evaluations.models import Ballot
from tests.evaluations.conftest import open_now, scores_for

# One transaction: the code marked used, returning its group and evaluation (UPDATE … RETURNING),
# the ballot (INSERT), and the transaction's opening and closing statements.
BALLOT_QUERIES = 4
JSON = "application/json"


def test_a_ballot_with_a_code_asks_four_queries_whatever_it_rates(
    leadership_review: Any, django_assert_max_num_queries: Any
) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    first, second = actions.issue_codes(found.office, found.principal_group, 2)
    every_unit = {label: "90" for label in found.units}
    data = scores_for(found.principal_group, None, every_unit)
    assert Client().post(f"/evaluations/v/{first}/", data).status_code == 302

    with django_assert_max_num_queries(BALLOT_QUERIES):
        response = Client().post(f"/evaluations/v/{second}/", data)

    assert response.status_code == 302 and "sessionid" not in response.cookies
    ballot = Ballot.objects.filter(group=found.principal_group).first()
    assert ballot is not None and len(ballot.marks) == len(every_unit) > 1


def test_a_ballot_the_phones_script_sends_asks_the_same_four(
    leadership_review: Any, django_assert_max_num_queries: Any
) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    first, second = actions.issue_codes(found.office, found.principal_group, 2)
    every_unit = {label: "90" for label in found.units}
    body = json.dumps(scores_for(found.principal_group, None, every_unit))
    assert Client().post(f"/evaluations/v/{first}/", body, content_type=JSON).status_code == 204

    with django_assert_max_num_queries(BALLOT_QUERIES):
        response = Client().post(f"/evaluations/v/{second}/", body, content_type=JSON)

    assert response.status_code == 204 and "sessionid" not in response.cookies
    assert Ballot.objects.filter(group=found.principal_group).count() == 2
