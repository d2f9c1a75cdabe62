"""One-time codes (测评码): drawn at random, shown once (on a slip or in a link), kept only as
a digest keyed with the installation's secret, so the database alone cannot vote with them."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings

# No 0/O, 1/I/L: a code typed from a slip is read right. 10 characters: 50 bits.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 10


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalised(typed: str) -> str:
    """A code as typed or scanned: spaces and dashes dropped, upper case."""
    return "".join(ch for ch in str(typed).upper() if ch.isalnum())[: LENGTH * 2]


def digest(code: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, normalised(code).encode(), hashlib.sha256).hexdigest()


def shown(code: str) -> str:
    """On a slip: in two halves, easier to type."""
    return f"{code[:5]}-{code[5:]}"
