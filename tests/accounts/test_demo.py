from django.core.management import call_command

from kaohe.accounts.demo import DEMO_PASSWORD, DEMO_USERS
from kaohe.accounts.models import Unit, User
from kaohe.accounts.roles import Role
from kaohe.accounts.second_factor import second_factor_required
from tests.conftest import current_code, enrolled_authenticator


def test_loading_the_demo_twice_creates_everything_once(db):
    call_command("load_demo")
    units, users = Unit.objects.count(), User.objects.count()
    call_command("load_demo")
    assert (Unit.objects.count(), User.objects.count()) == (units, users)
    departments = Unit.objects.filter(parent__name="示范市", kind__in=["agency", "institution"])
    assert departments.count() == 8
    assert all(department.children.exists() for department in departments)


def test_the_demo_has_a_login_for_every_role(db):
    call_command("load_demo")
    covered = set()
    for demo in DEMO_USERS:
        user = User.objects.get(username=demo.username)
        assert user.check_password(DEMO_PASSWORD)
        covered |= user.roles
    assert covered == set(Role.values)


def test_every_demo_login_works_and_sees_its_own_menu(client, db):
    from django.urls import reverse

    from kaohe.web.menu import MENU

    call_command("load_demo")
    for demo in DEMO_USERS:
        response = client.post(
            reverse("login"), {"username": demo.username, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, demo.username
        user = User.objects.get(username=demo.username)
        if second_factor_required(user):
            code = current_code(enrolled_authenticator(user))
            client.post(reverse("accounts:second_factor"), {"code": code})
        page = client.get(reverse("home")).content.decode()
        for entry in MENU:
            shown = f"</i> {entry.label}</a>" in page
            assert shown == bool(set(entry.roles) & set(demo.roles)), (demo.username, entry.label)
        client.post(reverse("logout"))
