"""Exporters by file kind; each exporter module registers itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Exporter = Callable[[dict[str, Any]], bytes]
EXPORTERS: dict[str, Exporter] = {}


def exporter(kind: str) -> Callable[[Exporter], Exporter]:
    def register(function: Exporter) -> Exporter:
        EXPORTERS[kind] = function
        return function

    return register
