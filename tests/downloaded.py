"""Asking for a file made in the background (kaohe.downloads), as a user does: the POST answers
with the download's page, which links to the file once the job has made it (the tests' immediate
task backend makes it before the page answers)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def ask_for(client: Any, url: str, query: dict[str, Any] | None = None) -> Any:
    """The download the POST started (its page's row)."""
    started = client.post(url, query_params=query or {})
    assert started.status_code == 302, started.status_code
    page = client.get(started["Location"])
    assert page.status_code == 200
    return page.context["download"]


def downloaded(client: Any, url: str, query: dict[str, Any] | None = None) -> Any:
    """The file's response, once asked for through ``url`` and made."""
    download = ask_for(client, url, query)
    return client.get(reverse("downloads:file", args=[download.pk]))
