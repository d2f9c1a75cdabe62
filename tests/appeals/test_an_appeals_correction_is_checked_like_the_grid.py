"""Issue 16: an upheld appeal's correction of a record passes the same check as a record saved in
the grid (cycles' check_record, engine.record_problems); before, any count or value was saved."""

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kaohe.appeals import actions
from kaohe.cycles.models import Record
from tests.appeals.helpers import fresh


def file(published: Any) -> Any:
    return actions.file_appeal(
        published.reporter,
        fresh(published.units["党建科"]),
        "6月其中一人次为公务外出，已报备",
        record_id=published.lateness.pk,
    )


@pytest.mark.parametrize(
    ("correction", "said"),
    [
        (actions.Correction(count=Decimal(-3)), "「次数」不能为负数或零（填写的是 -3）"),
        (actions.Correction(count=Decimal(99_999_999)), "「次数」99999999 超出合理范围"),
        (actions.Correction(value=Decimal(50_000_000)), "「数值」50000000 超出合理范围"),
    ],
)
def test_a_correction_the_grid_would_refuse_is_refused_naming_the_field(
    published: Any, correction: actions.Correction, said: str
) -> None:
    appeal = file(published)

    with pytest.raises(ValidationError) as refused:
        actions.decide_appeal(published.office, appeal.pk, True, "更正", correction)

    assert any(said in message for message in refused.value.messages)
    record = Record.objects.get(pk=published.lateness.pk)
    assert (record.count, record.version) == (Decimal(2), 1)
    assert published.cycle.snapshots.count() == 1


@pytest.mark.parametrize("typed", ["NaN", "Infinity", "1e999", "-1e999"])
def test_a_count_that_is_not_a_number_is_refused_on_the_page_naming_the_field(
    published: Any, client: Any, typed: str
) -> None:
    appeal = file(published)
    client.force_login(published.office)
    url = reverse("appeals:decide", args=[published.cycle.pk, appeal.pk])

    response = client.post(
        url,
        {"outcome": "upheld", "decision": "更正", "record": published.lateness.pk, "count": typed},
        follow=True,
    )

    assert response.status_code == 200
    assert "更正后的次数：" in response.content.decode()
    assert Record.objects.get(pk=published.lateness.pk).count == Decimal(2)
