from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kaohe.accounts.roles import Role
from tests.conftest import DEMO_TEST_PASSWORD


@pytest.mark.parametrize("password", ["Ab1!xyz", "abcdefgh12", "ABCDEFGH!!"])
def test_weak_passwords_are_refused(db, password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_the_policy_explains_itself_in_chinese(db):
    with pytest.raises(ValidationError) as error:
        validate_password("abcdefgh12")
    assert "至少 3 类" in " ".join(error.value.messages)


def test_a_password_with_three_classes_and_eight_characters_is_accepted(db):
    validate_password("Minjiang26x")


def test_the_policy_can_be_configured(db, settings):
    settings.AUTH_PASSWORD_VALIDATORS = [
        {
            "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
            "OPTIONS": {"min_length": 12},
        },
    ]
    with pytest.raises(ValidationError):
        validate_password("Kaohe2026x!")


def test_an_expired_password_must_be_changed_before_anything_else(login, org):
    user = org.users[Role.OFFICE]
    user.password_changed_at = timezone.now() - timedelta(days=91)
    user.save(update_fields=["password_changed_at"])
    client = login(Role.OFFICE)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("password_change"))
    assert "密码已超过有效期" in client.get(response["Location"]).content.decode()


def test_changing_the_password_lifts_the_expiry_and_is_audited(login, org):
    from kaohe.audit.models import Action, AuditEntry

    user = org.users[Role.OFFICE]
    user.password_changed_at = timezone.now() - timedelta(days=91)
    user.save(update_fields=["password_changed_at"])
    client = login(Role.OFFICE)
    client.post(
        reverse("password_change"),
        {
            "old_password": DEMO_TEST_PASSWORD,
            "new_password1": "NewShifan#2027",
            "new_password2": "NewShifan#2027",
        },
    )
    assert client.get(reverse("home")).status_code == 200
    assert AuditEntry.objects.filter(action=Action.PASSWORD_CHANGED, actor=user).exists()
