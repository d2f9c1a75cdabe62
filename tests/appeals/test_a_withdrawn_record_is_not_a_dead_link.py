"""The first publication still shows a record an upheld appeal withdrew (it is frozen), but as
plain text marked withdrawn, not as a link to a page that no longer exists."""

from typing import Any

from django.urls import reverse

from kaohe.appeals import actions
from tests.appeals.helpers import fresh


def test_the_frozen_breakdown_marks_a_withdrawn_record_instead_of_linking_it(
    published: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    unit = fresh(published.units["党建科"])
    record = published.lateness
    appeal = actions.file_appeal(published.reporter, unit, "公务外出", record_id=record.pk)
    with django_capture_on_commit_callbacks(execute=True):
        actions.decide_appeal(
            published.office, appeal.pk, True, "撤销", actions.Correction(withdraw=True)
        )
    client.force_login(published.office)

    url = reverse("results:unit", args=[published.cycle.pk, unit.pk]) + "?snapshot=1"
    page = client.get(url).content.decode()

    link = reverse("cycles:record", args=[published.cycle.pk, record.pk])
    assert f"记录 #{record.pk}" in page
    assert "此记录已撤销或删除" in page
    assert f'href="{link}"' not in page
