"""Page parts rendered once for what they show, then served from the cache.

A part's cache key is a digest of everything it shows (the caller lists it), so a change to any
of it is a new key: a cached part is never stale and nothing has to remember to invalidate it.
Permission checks stay in the view, before the part is asked for. Django's CSRF token is the one
thing in a part that differs per visitor: a part is rendered with a stand-in for it, replaced by
the visitor's own token each time it is served.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

CSRF_STAND_IN = "kaohe-fragment-csrf-token"
KEEP_SECONDS = 600  # a part nobody asked for in ten minutes makes room for others


def rendered_parts(
    request: HttpRequest,
    template: str,
    parts: Sequence[tuple[object, Callable[[], dict[str, Any]]]],
) -> SafeString:
    """Each part, ``(shown, context)``, is ``template`` rendered with ``context()``, called
    only when the part is not cached; ``shown`` is everything the part shows, as plain values
    whose repr is stable (ids, text, numbers). The parts are joined in order: a change to what
    one part shows renders that part again, not its neighbours."""
    keys = [f"fragment:{template}:{digest(shown)}" for shown, _ in parts]
    cached: dict[str, str] = cache.get_many(keys)
    rendered = {
        key: render_to_string(template, {**context(), "csrf_token": CSRF_STAND_IN})
        for key, (_, context) in zip(keys, parts, strict=True)
        if key not in cached
    }
    cache.set_many(rendered, KEEP_SECONDS)
    html = "".join(cached[key] if key in cached else rendered[key] for key in keys)
    return SafeString(html.replace(CSRF_STAND_IN, get_token(request)))


def digest(shown: object) -> str:
    return hashlib.sha256(repr(shown).encode()).hexdigest()
