"""Failed logins counted per address, beside django-axes' lockout per account.

Axes locks an account after AXES_FAILURE_LIMIT wrong passwords. That alone lets one address try
one password on forty names (password spraying) unhindered. Here an address that has failed
LOGIN_ADDRESS_FAILURE_LIMIT times in the last LOGIN_ADDRESS_WINDOW_MINUTES may not try again until
its failures age out of the window. The threshold is far above what an office behind one NAT
address produces (docs/decisions.md), so colleagues' typing mistakes never lock the office out.
"""

from __future__ import annotations

from datetime import timedelta

from axes.helpers import get_client_ip_address
from axes.models import AccessFailureLog
from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone


def recent_failures_from(address: str | None) -> int:
    since = timezone.now() - timedelta(minutes=settings.LOGIN_ADDRESS_WINDOW_MINUTES)
    return AccessFailureLog.objects.filter(ip_address=address, attempt_time__gte=since).count()


def address_throttled(request: HttpRequest) -> bool:
    """Has the request's address failed to log in too often lately to try again now?"""
    address = get_client_ip_address(request)
    return recent_failures_from(address) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT
