"""The access predicates themselves (kaohe.cycles.access), asked directly: who leads a unit, who
may record, read, appeal and sign, and that every list a page shows agrees with the predicate
that opens the page."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from kaohe.accounts.models import User
from kaohe.accounts.predicates import Predicate, predicate
from kaohe.accounts.roles import Role
from kaohe.cycles import access
from kaohe.cycles.facts import cycle_scheme
from kaohe.progress.models import Submission
from tests.conftest import new_person


@pytest.fixture
def bureau(zhangjiagang: Any) -> Any:
    """张家港's bureau with its leaders, a leader of one section and a leader of the city."""
    found = zhangjiagang
    found.deputy = new_person("acc_fgld", found.bureau, Role.DEPUTY_LEADER)
    found.principal = new_person("acc_zyld", found.bureau, Role.PRINCIPAL_LEADER)
    found.party_leader = new_person("acc_djk_ld", found.sections["党建科"], Role.PRINCIPAL_LEADER)
    found.city_leader = new_person("acc_city_ld", found.bureau.parent, Role.PRINCIPAL_LEADER)
    found.party_assessor = new_person("acc_djk_kp", found.sections["党建科"], Role.ASSESSOR)
    found.other_reporter = new_person("acc_spxtk", found.sections["审批协调科"], Role.REPORTER)
    return found


def report_at(step: str, cycle_unit: Any) -> Any:
    return SimpleNamespace(
        signer_role=Submission.SIGNER_ROLES.get(step), cycle_unit=cycle_unit, editable=False
    )


def test_a_deputy_leader_of_a_department_may_read_its_sections_results(bureau):
    assert access.may_read_results(bureau.deputy, bureau.units["党建科"])
    assert access.leads(bureau.deputy, bureau.units["审批协调科"])


def test_a_sections_own_leader_leads_that_section_and_no_other(bureau):
    assert access.may_read_results(bureau.party_leader, bureau.units["党建科"])
    assert not access.may_read_results(bureau.party_leader, bureau.units["审批协调科"])


def test_a_leader_of_the_city_does_not_lead_the_departments_under_it(org):
    city_leader = new_person("acc_city_fgld", org.city, Role.DEPUTY_LEADER)
    department = SimpleNamespace(unit=org.department, unit_id=org.department.pk)
    assert access.leading_unit_ids(org.department) == {org.department.pk}
    assert not access.leads(city_leader, department)
    assert access.leads(org.users[Role.DEPUTY_LEADER], department)


def test_a_leader_of_another_department_reads_nothing_of_this_one(bureau):
    outsider = new_person("acc_czj_ld", bureau.outsider_unit, Role.DEPUTY_LEADER)
    assert not access.may_read_results(outsider, bureau.units["党建科"])


def test_the_results_list_shows_exactly_the_units_whose_pages_open(bureau):
    people = [bureau.deputy, bureau.party_leader, bureau.city_leader, bureau.reporter]
    for user in [*people, bureau.inspector, bureau.outsider, bureau.office]:
        listed = set(access.visible_cycle_units(user).filter(cycle=bureau.cycle))
        opening = {unit for unit in bureau.units.values() if access.may_read_results(user, unit)}
        assert listed == opening, user


def test_the_records_grid_offers_exactly_the_indicators_the_actions_accept(bureau):
    leaves = [node for node in cycle_scheme(bureau.cycle).leaves() if node.rules]
    for user in (bureau.office, bureau.inspector, bureau.general_office, bureau.reporter):
        offered = {node.path for node in access.recordable_nodes(user, bureau.cycle)}
        accepted = {n.path for n in leaves if access.may_record(user, bureau.cycle, n.path)}
        assert offered == accepted, user
    assert {n.path for n in access.recordable_nodes(bureau.office, bureau.cycle)} == {
        n.path for n in leaves
    }


def test_an_assessor_records_only_inside_the_indicators_assigned_to_its_unit(bureau):
    mine = access.assessed_subtrees(bureau.inspector, bureau.cycle)
    offered = access.recordable_nodes(bureau.inspector, bureau.cycle)
    assert mine and offered
    assert len(offered) < len([n for n in cycle_scheme(bureau.cycle).leaves() if n.rules])
    assert access.assessed_subtrees(bureau.reporter, bureau.cycle) == []
    assert access.recordable_nodes(bureau.reporter, bureau.cycle) == []


def test_a_record_is_read_by_its_unit_its_leaders_its_assessor_and_the_office(bureau):
    path = access.recordable_nodes(bureau.inspector, bureau.cycle)[0].path
    record = SimpleNamespace(cycle=bureau.cycle, indicator=path, unit=bureau.units["党建科"])
    readers = [bureau.office, bureau.inspector, bureau.reporter, bureau.deputy, bureau.party_leader]
    assert all(access.may_read_record(user, record) for user in readers)
    assert not access.may_read_record(bureau.other_reporter, record)
    assert not access.may_read_record(bureau.outsider, record)


def test_a_unit_appeals_through_its_reporter_or_leaders_only(bureau):
    party = bureau.units["党建科"]
    assert access.may_file_appeal(bureau.reporter, party)
    assert access.may_file_appeal(bureau.party_leader, party)
    assert not access.may_file_appeal(bureau.party_assessor, party)
    assert not access.may_file_appeal(bureau.deputy, party)  # the bureau's leader is not 党建科


def test_each_step_of_the_sign_off_is_signed_by_the_role_it_names(bureau):
    party = bureau.units["党建科"]
    deputy_step = report_at(Submission.Status.DEPUTY, party)
    assert access.may_sign(bureau.deputy, deputy_step)
    assert not access.may_sign(bureau.principal, deputy_step)
    assert access.may_sign(bureau.principal, report_at(Submission.Status.PRINCIPAL, party))
    assert access.may_sign(bureau.office, report_at(Submission.Status.OFFICE, party))
    assert not access.may_sign(bureau.office, report_at(Submission.Status.DRAFT, party))


def test_the_people_asked_to_sign_are_the_people_who_may_sign(bureau):
    party = bureau.units["党建科"]
    everyone = User.objects.all()
    for step, role in Submission.SIGNER_ROLES.items():
        asked = set(access.holders(role, party))
        allowed = {user for user in everyone if access.may_sign(user, report_at(step, party))}
        assert asked == allowed, step


def test_a_visitor_who_has_not_signed_in_may_do_nothing(bureau):
    visitor = AnonymousUser()
    party = bureau.units["党建科"]
    assert not access.may_read_results(visitor, party)
    assert not access.may_file_appeal(visitor, party)
    assert not access.may_sign(visitor, report_at(Submission.Status.OFFICE, party))
    assert not access.keeps_indicator(visitor, SimpleNamespace(cycle=bureau.cycle, node_path="3"))


def test_predicates_combine_and_ask_each_part_about_the_same_thing():
    @predicate
    def is_alice(user: Any) -> bool:
        return user.name == "alice"

    @predicate
    def owns(user: Any, thing: Any) -> bool:
        return thing.owner == user.name

    alice, bob = SimpleNamespace(name="alice"), SimpleNamespace(name="bob")
    book = SimpleNamespace(owner="bob", shelf=SimpleNamespace(owner="alice"))
    either = is_alice | owns
    assert either(alice, book) and either(bob, book)
    assert not (is_alice & owns)(alice, book)
    assert (~owns)(alice, book)
    assert owns.via("shelf")(alice, book) and not owns.via("shelf")(bob, book)
    assert str(either) == "(is_alice | owns)" and isinstance(either, Predicate)
