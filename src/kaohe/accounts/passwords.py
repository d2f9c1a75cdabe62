"""Password policy: length comes from Django's validator; character classes and expiry from here."""

from __future__ import annotations

import os
import secrets
import sys
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
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


# Letters and digits a reader cannot confuse (no O/0, l/1/I), and symbols easy to type.
ONE_TIME_ALPHABETS = ("ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "#%+=@")


def one_time_password(length: int = 14) -> str:
    """A random password holding every character class, for an account's first login only."""
    every = "".join(ONE_TIME_ALPHABETS)
    chosen = [secrets.choice(alphabet) for alphabet in ONE_TIME_ALPHABETS]
    chosen += [secrets.choice(every) for _ in range(length - len(chosen))]
    secrets.SystemRandom().shuffle(chosen)
    return "".join(chosen)


def password_expired(user: Any) -> bool:
    """Older than the policy allows, or a one-time password an administrator set."""
    if getattr(user, "must_change_password", False):
        return True
    max_age = settings.PASSWORD_MAX_AGE_DAYS
    if not max_age:
        return False
    return user.password_changed_at < timezone.now() - timedelta(days=max_age)


def hashed_in_background(passwords: list[str], tell: Callable[[int], None]) -> list[str]:
    """The passwords hashed by the configured hasher (Argon2: slow by design, about 0.2 s each),
    in a thread at the lowest CPU priority, so that pages served meanwhile keep the processor.
    ``tell`` hears, about once a second and in the calling thread, how many are done."""
    hashes: list[str] = []
    hasher = threading.Thread(target=hash_all, args=(passwords, hashes), daemon=True)
    hasher.start()
    while hasher.is_alive():
        hasher.join(timeout=1.0)
        tell(len(hashes))
    if len(hashes) != len(passwords):
        raise RuntimeError("口令加密中断")
    return hashes


def hash_all(passwords: list[str], hashes: list[str]) -> None:
    if sys.platform == "linux":  # there a thread has its own nice value, and Argon2's lanes
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)  # inherit it
    for password in passwords:
        hashes.append(make_password(password))
