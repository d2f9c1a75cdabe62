"""A code's ballot is the load the server takes at an on-site session (hundreds of phones in a
few minutes): it reads its code in one query and writes the code's use and the ballot, however
many units it rates, and starts no session."""

from typing import Any

from django.test import Client

from kaohe.evaluations import actions
from kaohe.evaluations.models import Ballot
from tests.evaluations.conftest import open_now, scores_for

# The code with its group and evaluation (one SELECT), then one transaction: the code marked
# used (UPDATE), the ballot (INSERT), and its opening and closing statements.
BALLOT_QUERIES = 5


def test_a_ballot_with_a_code_asks_five_queries_whatever_it_rates(
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
