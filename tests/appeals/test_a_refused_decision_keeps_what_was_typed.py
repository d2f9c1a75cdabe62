"""A decision the system refuses (申诉成立 with nothing corrected) comes back on the appeal's page
with the outcome and the reply as typed, and the reason, instead of an emptied form."""

import re
from typing import Any

from django.urls import reverse

from kaohe.appeals import actions
from tests.appeals.helpers import fresh


def test_a_refused_decision_keeps_the_outcome_and_reply_typed(published: Any, client: Any) -> None:
    appeal = actions.file_appeal(
        published.reporter,
        fresh(published.units["党建科"]),
        "6月其中一人次为公务外出，已报备",
        record_id=published.lateness.pk,
    )
    client.force_login(published.office)
    url = reverse("appeals:decide", args=[published.cycle.pk, appeal.pk])

    response = client.post(url, {"outcome": "upheld", "decision": "经核实派车单，情况属实。"})

    page = response.content.decode()
    assert "申诉成立时请填写更正后的次数或数值，或撤销该记录" in page
    assert "经核实派车单，情况属实。</textarea>" in page
    assert re.search(r'<input type="radio" name="outcome" value="upheld"[^>]*checked', page)
    appeal.refresh_from_db()
    assert appeal.is_pending
