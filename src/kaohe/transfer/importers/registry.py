"""Importers by document kind; each importer module registers itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kaohe.transfer.importers.drafts import Draft
from kaohe.transfer.importers.report import ImportReport
from kaohe.transfer.limits import Upload


@dataclass
class Reading:
    """An importer's result: the indicator tree under ``root``, the document's title, and its
    running prose (where scheme-wide rules such as grade bands are written)."""

    root: Draft
    title: str
    prose: str = ""
    cells: str = ""
    """The whole document as text, tables one row a line with cells split by tabs: what the
    layout-free cell-stream reader reads when it covers more than the table or outline did."""


Importer = Callable[[Upload, ImportReport], Reading]
IMPORTERS: dict[str, Importer] = {}


def importer(kind: str) -> Callable[[Importer], Importer]:
    """Register the decorated function as the importer for ``kind`` (xlsx, docx, text)."""

    def register(function: Importer) -> Importer:
        IMPORTERS[kind] = function
        return function

    return register
