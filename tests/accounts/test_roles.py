import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kaohe.accounts import actions
from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry


@pytest.mark.parametrize(
    ("held", "wanted"),
    [
        (Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN),
        (Role.SECURITY_ADMIN, Role.AUDIT_ADMIN),
        (Role.AUDIT_ADMIN, Role.SYSTEM_ADMIN),
    ],
)
def test_the_three_administrator_roles_never_share_one_account(org, held, wanted):
    user = org.users[held]
    with pytest.raises(ValidationError) as error:
        actions.grant_role(None, user, wanted)
    assert "三员分立" in error.value.messages[0]
    assert user.roles == {held}


def test_business_roles_combine_freely(org):
    leader = org.users[Role.DEPUTY_LEADER]
    actions.grant_role(None, leader, Role.EVALUATOR)
    assert leader.roles == {Role.DEPUTY_LEADER, Role.EVALUATOR}


def test_a_role_change_is_audited_with_old_and_new(org):
    security = org.users[Role.SECURITY_ADMIN]
    leader = org.users[Role.DEPUTY_LEADER]
    actions.grant_role(security, leader, Role.EVALUATOR)
    entry = AuditEntry.objects.filter(action=Action.ROLE_GRANTED).latest("id")
    assert entry.actor == security
    assert entry.old == ["deputy_leader"]
    assert entry.new == ["deputy_leader", "evaluator"]


def test_the_security_admin_grants_roles_through_the_page(login, org):
    client = login(Role.SECURITY_ADMIN)
    target = org.users[Role.REPORTER]
    client.post(
        reverse("accounts:change_role", args=[target.pk]), {"role": Role.EVALUATOR, "grant": "1"}
    )
    assert Role.EVALUATOR in target.roles


def test_the_page_refuses_a_separation_breach_with_a_message(login, org):
    client = login(Role.SECURITY_ADMIN)
    target = org.users[Role.SYSTEM_ADMIN]
    response = client.post(
        reverse("accounts:change_role", args=[target.pk]),
        {"role": Role.AUDIT_ADMIN, "grant": "1"},
        follow=True,
    )
    assert "三员分立" in response.content.decode()
    assert target.roles == {Role.SYSTEM_ADMIN}


@pytest.mark.parametrize("role", [Role.SYSTEM_ADMIN, Role.OFFICE, Role.REPORTER])
def test_only_the_security_admin_may_change_roles(login, org, role):
    client = login(role)
    target = org.users[Role.REPORTER]
    response = client.post(
        reverse("accounts:change_role", args=[target.pk]), {"role": Role.OFFICE, "grant": "1"}
    )
    assert response.status_code == 403
    assert Role.OFFICE not in target.roles


def test_the_system_admin_adds_a_unit_under_another(login, org):
    client = login(Role.SYSTEM_ADMIN)
    response = client.post(
        reverse("accounts:new_unit"),
        {
            "name": "法规科",
            "parent": org.department.pk,
            "kind": "section",
            "new_categories": "窗口单位",
            "code": "",
        },
        follow=True,
    )
    assert "已新建单位「法规科」" in response.content.decode()
    assert org.department.children.filter(name="法规科").exists()


def test_a_duplicate_unit_name_under_one_parent_is_refused(login, org):
    client = login(Role.SYSTEM_ADMIN)
    response = client.post(
        reverse("accounts:new_unit"),
        {
            "name": "办公室",
            "parent": org.department.pk,
            "kind": "section",
        },
    )
    assert "同一上级单位下已有同名单位" in response.content.decode()


def test_the_system_admin_adds_a_user_with_no_role_whatever_is_posted(login, org):
    client = login(Role.SYSTEM_ADMIN)
    client.post(
        reverse("accounts:new_user"),
        {
            "username": "new_one",
            "full_name": "新人",
            "unit": org.section.pk,
            "roles": [Role.REPORTER],
            "password": "Shifan#2026a",
        },
    )
    from kaohe.accounts.models import User

    assert User.objects.get(username="new_one").roles == set()


def test_a_new_user_with_two_administrator_roles_gets_neither(login, org):
    client = login(Role.SYSTEM_ADMIN)
    client.post(
        reverse("accounts:new_user"),
        {
            "username": "two_hats",
            "full_name": "两顶帽子",
            "unit": org.office.pk,
            "roles": [Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN],
            "password": "Shifan#2026a",
        },
    )
    from kaohe.accounts.models import User

    assert User.objects.get(username="two_hats").roles == set()
