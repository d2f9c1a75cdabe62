"""A scheme → an xlsx or docx indicator table in the usual government layout."""

from __future__ import annotations

from typing import Any

from kaohe.transfer.exporters import docx, xlsx  # noqa: F401 — they register themselves
from kaohe.transfer.exporters.embedded import embed_scheme
from kaohe.transfer.exporters.registry import EXPORTERS

__all__ = ["EXPORTERS", "export_scheme"]


def export_scheme(scheme: dict[str, Any], kind: str) -> bytes:
    """The scheme as a document of ``kind`` (``xlsx`` or ``docx``)."""
    if kind not in EXPORTERS:
        raise ValueError(f"不支持导出为 {kind}，可选：{'、'.join(sorted(EXPORTERS))}")
    return embed_scheme(EXPORTERS[kind](scheme), scheme)
