"""Two-factor login (GB/T 22239-2019 三级 §8.1.4.1 d): a password, then a TOTP code from any
authenticator app (a cryptographic factor that works offline), with one-time recovery codes.

Who must pass it: the three administrators and 考核办 always, everyone when the deployment sets
KAOHE_SECOND_FACTOR_FOR_ALL, and anyone who chose to enrol. Only the 安全管理员 resets it.
django-otp keeps the devices (a TOTP device, a static device holding the recovery codes) and
marks a session verified; this module decides who must, and enrols, verifies and resets.
"""

from __future__ import annotations

from typing import Any

import django_otp
import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kaohe.accounts.actions import require_actor
from kaohe.accounts.models import User
from kaohe.accounts.permissions import may_reset_second_factor
from kaohe.accounts.roles import SECOND_FACTOR_ROLES
from kaohe.audit.log import Action, log_change

RECOVERY_CODE_COUNT = 10


def second_factor_required(user: Any) -> bool:
    """Must this signed-in user pass the second factor before any page?"""
    return bool(
        settings.SECOND_FACTOR_FOR_ALL
        or user.has_role(*SECOND_FACTOR_ROLES)
        or authenticator(user) is not None
    )


def authenticator(user: Any) -> TOTPDevice | None:
    """The user's enrolled (confirmed) authenticator, if any."""
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).first()


def pending_authenticator(user: User) -> TOTPDevice:
    """The authenticator being enrolled: a fresh secret until its first code confirms it."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "身份验证器"}
    )
    return device


def enrolment_qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (no outside asset)."""
    return str(segno.make(device.config_url, error="m").svg_inline(scale=4))


def secret_for_typing(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for an app that cannot scan."""
    secret = device.config_url.split("secret=")[1].split("&")[0]
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def confirm_enrolment(request: HttpRequest, code: str) -> list[str] | None:
    """Confirms the pending authenticator with its first code, marks the session verified and
    returns fresh recovery codes (shown once); None when the code is wrong."""
    user = request.user
    device = pending_authenticator(user)  # type: ignore[arg-type]
    if not device.verify_token(code.strip()):
        return None
    TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    django_otp.login(request, device)
    log_change(user, Action.SECOND_FACTOR_ENROLLED, user)
    return new_recovery_codes(user)  # type: ignore[arg-type]


def new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="恢复码")
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify(request: HttpRequest, code: str) -> bool:
    """Marks the session verified if ``code`` is the authenticator's current code or an unused
    recovery code (which is then spent). Repeated failures slow down (django-otp throttling)."""
    user = request.user
    code = code.strip().replace(" ", "")
    for device in (authenticator(user), StaticDevice.objects.filter(user_id=user.pk).first()):
        if device is not None and django_otp.verify_token(user, device.persistent_id, code):
            django_otp.login(request, device)
            if isinstance(device, StaticDevice):
                log_change(user, Action.RECOVERY_CODE_USED, user)
            return True
    log_change(user, Action.LOGIN_FAILED, user, new={"原因": "两步验证码错误"})
    return False


@transaction.atomic
def reset_second_factor(actor: User, person: User) -> None:
    """The 安全管理员 (never for itself) removes a lost authenticator and its recovery codes;
    the holder enrols again at the next login."""
    require_actor(
        may_reset_second_factor(actor, person),
        "只有安全管理员可以重置两步验证，且不能重置自己的",
    )
    TOTPDevice.objects.filter(user=person).delete()
    StaticDevice.objects.filter(user=person).delete()
    log_change(actor, Action.SECOND_FACTOR_RESET, person)
