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
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone

from kaohe.accounts.models import PasswordHistory

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


def one_time_password(user: Any, length: int = 14) -> str:
    """A random password holding every character class that passes the whole password policy
    for ``user``, for the account's first login only."""
    while True:
        password = random_password(length)
        try:
            validate_password(password, user)
        except ValidationError:
            continue
        return password


def random_password(length: int) -> str:
    every = "".join(ONE_TIME_ALPHABETS)
    chosen = [secrets.choice(alphabet) for alphabet in ONE_TIME_ALPHABETS]
    chosen += [secrets.choice(every) for _ in range(length - len(chosen))]
    secrets.SystemRandom().shuffle(chosen)
    return "".join(chosen)


# The product's own names: the first thing a guesser tries against a kaohe login.
PRODUCT_NAMES = ("kaohe", "考核")
# Keyboard rows and columns, read forwards and backwards four at a time.
KEYBOARD_RUNS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv")
COMMON_WORDS = ("password", "passwd", "admin", "welcome", "root", "qwerty", "abc123", "iloveyou")
LEET = str.maketrans({"@": "a", "4": "a", "0": "o", "1": "i", "3": "e", "$": "s", "5": "s"})
RUN_LENGTH = 4


class NameValidator:
    """No password holding the user name, the person's name or the product's name (kaohe, 考核),
    in any letter case."""

    def validate(self, password: str, user: Any = None) -> None:
        names = [*PRODUCT_NAMES, getattr(user, "full_name", "")]
        username = getattr(user, "username", "")
        names += [username] if len(username) >= 3 else []
        lowered = password.lower()
        if any(len(name) >= 2 and name.lower() in lowered for name in names):
            raise ValidationError(self.get_help_text(), code="password_has_a_name")

    def get_help_text(self) -> str:
        return "密码不能包含用户名、姓名或系统名称（kaohe、考核）。"


def common_pattern(password: str) -> str | None:
    """The guessable pattern in ``password``: a keyboard or alphabet run, one character four
    times over, or a common word (also spelt with @ for a, 0 for o …)."""
    lowered = password.lower()
    runs = [*KEYBOARD_RUNS, "abcdefghijklmnopqrstuvwxyz"]
    for run in runs + [run[::-1] for run in runs]:
        for start in range(len(run) - RUN_LENGTH + 1):
            if run[start : start + RUN_LENGTH] in lowered:
                return run[start : start + RUN_LENGTH]
    for index in range(len(lowered) - RUN_LENGTH + 1):
        if len(set(lowered[index : index + RUN_LENGTH])) == 1:
            return lowered[index : index + RUN_LENGTH]
    plain = lowered.translate(LEET)
    return next((word for word in COMMON_WORDS if word in plain), None)


class CommonPatternValidator:
    def validate(self, password: str, user: Any = None) -> None:
        pattern = common_pattern(password)
        if pattern:
            raise ValidationError(
                f"密码含有容易被猜到的组合「{pattern}」。{self.get_help_text()}",
                code="password_common_pattern",
            )

    def get_help_text(self) -> str:
        return (
            "密码不能含有连续或重复的字符（如 1234、abcd、qwer、aaaa）"
            "或常见单词（如 password、admin）。"
        )


class RecentPasswordValidator:
    """Not the current password nor any of the last N (their hashes kept in PasswordHistory)."""

    def __init__(self, remembered: int = 5) -> None:
        self.remembered = remembered

    def validate(self, password: str, user: Any = None) -> None:
        if user is None or user.pk is None:
            return
        kept = PasswordHistory.objects.filter(user_id=user.pk).order_by("-id")[: self.remembered]
        hashes = [user.password, *(entry.password for entry in kept)]
        if any(hashed and check_password(password, hashed) for hashed in hashes):
            raise ValidationError(self.get_help_text(), code="password_recently_used")

    def password_changed(self, password: str, user: Any = None) -> None:
        """Called once the new password is saved: its hash joins the history, the oldest go."""
        PasswordHistory.objects.create(user=user, password=user.password)
        stale = PasswordHistory.objects.filter(user=user).order_by("-id")[self.remembered :]
        PasswordHistory.objects.filter(pk__in=list(stale.values_list("pk", flat=True))).delete()

    def get_help_text(self) -> str:
        return f"新密码不能与当前密码或最近 {self.remembered} 次使用过的密码相同。"


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
