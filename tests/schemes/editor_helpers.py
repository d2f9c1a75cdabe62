"""Shared steps for the scheme editor's tests: a draft to edit, and one change posted."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kaohe.schemes import actions
from kaohe.schemes.documents import document_revision
from kaohe.schemes.models import Scheme, SchemeVersion
from kaohe.transfer.scheme_file import parse_scheme_text

SMALL = {
    "format": "kaohe-scheme/1",
    "id": "small",
    "name": "小方案",
    "formula": "日常考核 + 加分",
    "sections": [
        {
            "name": "日常考核",
            "points": 20,
            "children": [
                {
                    "name": "工作纪律",
                    "points": 10,
                    "criteria": "迟到早退每人次扣0.5分；旷工的每次扣2分。",
                    "rules": [
                        {
                            "id": "late",
                            "kind": "per_occurrence",
                            "amount": -0.5,
                            "label": "迟到早退",
                        },
                        {"id": "absent", "kind": "per_occurrence", "amount": -2},
                    ],
                },
                {
                    "name": "信息报送",
                    "points": 10,
                    "rules": [
                        {
                            "id": "news",
                            "kind": "frequency",
                            "minimum": 2,
                            "per": "month",
                            "amount": -1,
                        }
                    ],
                },
            ],
        },
        {
            "name": "加分",
            "kind": "bonus",
            "points": 5,
            "rules": [{"id": "award", "kind": "tiered", "levels": {"市级": 1, "省级": 2}}],
        },
    ],
}


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
