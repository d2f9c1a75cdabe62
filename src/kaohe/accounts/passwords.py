"""Password policy: length comes from Django's validator; character classes and expiry from here."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

CHARACTER_CLASSES = (
    ("大写字母", str.isupper),
    ("小写字母", str.islower),
    ("数字", str.isdigit),
)


def character_classes(password: str) -> int:
    found = {name for name, test in CHARACTER_CLASSES if any(test(ch) for ch in password)}
    has_symbol = any(not ch.isalnum() for ch in password)
    return len(found) + int(has_symbol)


class CharacterClassValidator:
    """At least N of: upper-case letters, lower-case letters, digits, symbols."""

    def __init__(self, min_classes: int = 3) -> None:
        self.min_classes = min_classes

    def validate(self, password: str, user: Any = None) -> None:
        if character_classes(password) < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self) -> str:
        return f"密码须包含大写字母、小写字母、数字、符号中的至少 {self.min_classes} 类。"


def password_expired(user: Any) -> bool:
    max_age = settings.PASSWORD_MAX_AGE_DAYS
    if not max_age:
        return False
    return user.password_changed_at < timezone.now() - timedelta(days=max_age)
