"""考评一致性: per 考评单位 and indicator, a unit given more than twice the median is flagged, a
unit the assessor covers but never gave a record is listed; only the 考核办 reads the page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kaohe.results.consistency import Given, consistency

UNITS = ["甲科", "乙科", "丙科", "丁科"]


def given(unit: str, amount: str, indicator: str = "1.2") -> Given:
    return Given("督查科", indicator, unit, Decimal(amount))


def test_a_unit_given_more_than_twice_the_median_is_flagged():
    found = consistency(
        [given("甲科", "1"), given("乙科", "2"), given("丙科", "5"), given("甲科", "9", "1.3")],
        {"督查科": UNITS},
    )
    flagged = {(row.indicator, row.unit) for row in found.rows if row.outlier}
    assert flagged == {("1.2", "丙科")}  # 5 > 2 × 2; alone on 1.3, 甲科 is its own median


def test_a_covered_unit_never_given_a_record_is_listed():
    found = consistency([given("甲科", "1"), given("乙科", "1")], {"督查科": UNITS})
    assert found.never_scored == {"督查科": ["丙科", "丁科"]}


@pytest.mark.django_db
def test_the_page_is_for_the_office_alone(bureau):
    bureau.record("党建科", "1.2", "st1", "2", note="6月迟到两人次")
    url = reverse("results:consistency", args=[bureau.cycle.pk])
    office, assessor = Client(), Client()
    office.force_login(bureau.office)
    assessor.force_login(bureau.inspector)
    page = office.get(url).content.decode()
    assert "考评一致性" in page and 'id="consistency"' in page and "党建科" in page
    ranking = office.get(reverse("results:ranking", args=[bureau.cycle.pk])).content.decode()
    assert url in ranking
    assert assessor.get(url).status_code == 403
