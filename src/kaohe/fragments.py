"""Page parts rendered once for what they show, then served from the cache.

A part's cache key is a digest of everything it shows (the caller lists it), so a change to any
of it is a new key: a cached part is never stale and nothing has to remember to invalidate it.
Permission checks stay in the view, before the part is asked for. Django's CSRF token is the one
thing in a part that differs per visitor: a part is rendered with a stand-in for it, replaced by
the visitor's own token each time it is served.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

CSRF_STAND_IN = "kaohe-fragment-csrf-token"
KEEP_SECONDS = 600  # a part nobody asked for in ten minutes makes room for others


def rendered_once(
    request: HttpRequest,
    template: str,
    context: Callable[[], dict[str, Any]],
    shown: object,
) -> SafeString:
    """``template`` rendered with ``context()`` (called only when not cached); ``shown`` is
    everything the part shows, as plain values whose repr is stable (ids, text, numbers)."""
    key = f"fragment:{template}:{digest(shown)}"
    html: str | None = cache.get(key)
    if html is None:
        html = render_to_string(template, {**context(), "csrf_token": CSRF_STAND_IN})
        cache.set(key, html, KEEP_SECONDS)
    return SafeString(html.replace(CSRF_STAND_IN, get_token(request)))


def digest(shown: object) -> str:
    return hashlib.sha256(repr(shown).encode()).hexdigest()
