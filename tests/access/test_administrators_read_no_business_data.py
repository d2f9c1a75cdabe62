"""Least privilege by role, not by unit (issue 15, item 1): an administrator or an 评议人 who
sits in an assessed unit reads none of that unit's results, records, reports or exports."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.cycles import access
from tests.conftest import new_person

OUTSIDERS_IN_THE_UNIT = [Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN, Role.EVALUATOR]


@pytest.fixture
def party_section(zhangjiagang: Any) -> Any:
    return zhangjiagang.units["党建科"]


@pytest.mark.parametrize("role", OUTSIDERS_IN_THE_UNIT)
def test_a_non_business_role_in_an_assessed_unit_reads_none_of_it(
    zhangjiagang, party_section, role
):
    person = new_person(f"in_unit_{role}", zhangjiagang.sections["党建科"], role)
    assert not access.may_read_results(person, party_section)
    assert not access.visible_cycles(person).exists()
    assert not access.visible_cycle_units(person).exists()
    assert not access.cycles_with_results(person).exists()
    assert person not in access.result_readers(party_section)
    assert person not in access.result_readers_in(zhangjiagang.cycle)


@pytest.mark.parametrize("role", OUTSIDERS_IN_THE_UNIT)
def test_its_pages_and_exports_refuse_it(zhangjiagang, party_section, role, client: Client):
    person = new_person(f"in_unit_{role}", zhangjiagang.sections["党建科"], role)
    client.force_login(person)
    args = [zhangjiagang.cycle.pk, party_section.pk]
    assert client.get(reverse("results:unit", args=args)).status_code in {403, 404}
    assert client.post(reverse("results:export_unit", args=args)).status_code in {403, 404}
    assert client.get(reverse("cycles:detail", args=[zhangjiagang.cycle.pk])).status_code in {
        403,
        404,
    }


def test_the_units_reporter_still_reads_it(zhangjiagang, party_section):
    assert access.may_read_results(zhangjiagang.reporter, party_section)
    assert zhangjiagang.reporter in access.result_readers(party_section)
