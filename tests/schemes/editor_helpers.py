"""Shared steps for the scheme editor's tests: a draft to edit, and one change posted."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kaohe.schemes import actions
from kaohe.schemes.documents import document_revision
from kaohe.schemes.models import Scheme, SchemeVersion
from kaohe.transfer.scheme_file import parse_scheme_text
from tests.schemes.small_scheme import SMALL

__all__ = ["SMALL", "data_of", "editor_url", "post_change", "small_draft"]


def small_draft(data: dict[str, Any] | None = None) -> SchemeVersion:
    return actions.create_draft_scheme(None, data or SMALL, Scheme.Source.BLANK)


def data_of(draft: SchemeVersion) -> dict[str, Any]:
    draft.refresh_from_db()
    return parse_scheme_text(draft.document)


def post_change(client: Any, draft: SchemeVersion, change: str, **fields: Any) -> Any:
    draft.refresh_from_db()
    url = reverse("schemes:editor_change", args=[draft.scheme.slug, draft.number])
    data = {"change": change, "revision": document_revision(draft.document), **fields}
    return client.post(url, data, follow=True)


def editor_url(draft: SchemeVersion, node: str = "") -> str:
    url = reverse("schemes:editor", args=[draft.scheme.slug, draft.number])
    return f"{url}?node={node}" if node else url
