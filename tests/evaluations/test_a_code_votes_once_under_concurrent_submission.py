"""The same code submitted at once from many phones stores one ballot: the code is marked used
by a conditional UPDATE in the transaction that stores the ballot (threads, each on its own
connection — on PostgreSQL in the database pass). The SQLite test database is in memory with a
shared cache, whose table locks refuse a second writer at once instead of waiting as the file
database (WAL, IMMEDIATE transactions, a busy timeout) does; there the load script
(kaohe.bench.ballots) submits codes concurrently."""

import threading
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from kaohe.evaluations import actions
from kaohe.evaluations.models import Ballot, VotingCode
from tests.evaluations.conftest import open_now, scores_for

VOTERS = 8


def submit_all_at_once(code: str, data: dict[str, str]) -> list[str]:
    start = threading.Barrier(VOTERS)
    outcomes: list[str] = []

    def submit() -> None:
        try:
            start.wait()
            actions.cast_with_code(code, data)
            outcomes.append("stored")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        except Exception as error:  # the failure is what the test reports
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(VOTERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="the in-memory test database cannot take concurrent writers",
)
def test_one_code_submitted_eight_times_at_once_stores_one_ballot(
    transactional_db: Any, leadership_review: Any
) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    [code] = actions.issue_codes(found.office, found.principal_group, 1)
    data = scores_for(found.principal_group, None, {"党建科": "90"})

    outcomes = submit_all_at_once(code, data)

    assert outcomes.count("stored") == 1, outcomes
    assert outcomes.count("该测评码无效或已经使用过") == VOTERS - 1, outcomes
    assert Ballot.objects.count() == 1
    assert VotingCode.objects.get().used
