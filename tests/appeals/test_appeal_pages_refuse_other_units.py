from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kaohe.appeals import actions
from kaohe.appeals.models import Appeal
from kaohe.cycles.models import Record
from tests.appeals.helpers import fresh


@pytest.fixture
def appeal(published: Any) -> Appeal:
    return actions.file_appeal(
        published.reporter,
        fresh(published.units["党建科"]),
        "理由",
        record_id=published.lateness.pk,
    )


def test_another_section_cannot_file_for_the_unit_or_read_its_appeal(
    published: Any, appeal: Appeal, client: Any
) -> None:
    client.force_login(published.other_reporter)
    unit = published.units["党建科"]

    assert client.get(reverse("appeals:new", args=[published.cycle.pk, unit.pk])).status_code == 403
    detail = reverse("appeals:detail", args=[published.cycle.pk, appeal.pk])
    assert client.get(detail).status_code == 403
    decide = reverse("appeals:decide", args=[published.cycle.pk, appeal.pk])
    assert client.post(decide, {"outcome": "upheld", "decision": "x"}).status_code == 403
    listing = client.get(reverse("appeals:list", args=[published.cycle.pk])).content.decode()
    assert "党建科" not in listing.split('id="appeals"')[1]


def test_a_unit_cannot_appeal_another_units_record(published: Any) -> None:
    foreign = Record.objects.create(
        cycle=published.cycle,
        unit=published.units["办公室"],
        indicator="1.2",
        rule="st1",
        count=1,
    )
    with pytest.raises(ValidationError, match="只能对本单位的考核记录提出申诉"):
        actions.file_appeal(
            published.reporter, fresh(published.units["党建科"]), "理由", record_id=foreign.pk
        )


def test_an_assessor_of_other_indicators_cannot_decide(
    published: Any, appeal: Appeal, client: Any
) -> None:
    client.force_login(published.inspector)  # 督查科 assesses 纪律规范情况, not 人员管理情况
    decide = reverse("appeals:decide", args=[published.cycle.pk, appeal.pk])

    assert client.post(decide, {"outcome": "rejected", "decision": "x"}).status_code == 403
    appeal.refresh_from_db()
    assert appeal.is_pending


def test_an_appeal_id_from_another_cycle_is_not_found(
    published: Any, appeal: Appeal, client: Any
) -> None:
    client.force_login(published.office)

    response = client.get(reverse("appeals:detail", args=[published.cycle.pk + 1, appeal.pk]))

    assert response.status_code == 404


def test_the_office_sees_every_appeal_of_the_cycle(
    published: Any, appeal: Appeal, client: Any
) -> None:
    client.force_login(published.office)

    page = client.get(reverse("appeals:list", args=[published.cycle.pk])).content.decode()

    assert "人员管理情况" in page and "待答复" in page


def test_a_unit_outside_the_cycle_cannot_open_its_appeal_list(
    published: Any, appeal: Appeal, client: Any
) -> None:
    client.force_login(published.outsider)  # 市财政局

    response = client.get(reverse("appeals:list", args=[published.cycle.pk]))

    assert response.status_code == 403
