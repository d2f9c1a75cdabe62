"""Sentence readers, one small module per rule kind, found and imported here.

Each module registers its readers with ``@sentence_reader(name, priority=…)``; more specific
readers take lower numbers, and the one-time amount reader (「…的，扣0.5分」) and the weak
酌情扣分 reader come last.
"""

from __future__ import annotations

import importlib
import pkgutil

from kaohe.textrules.patterns.base import BY_PRIORITY, Finding, SentenceReader


def _import_all() -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


def ordered_readers() -> list[SentenceReader]:
    """Every sentence reader, most specific first, ending with the fallbacks."""
    return [registered.read for registered in BY_PRIORITY]


def readers_for(text: str) -> list[SentenceReader]:
    """The readers that may find something in ``text``, most specific first: a reader whose
    ``needs`` are all absent from the text is left out."""
    present = set(text)
    return [
        registered.read
        for registered in BY_PRIORITY
        if not registered.needs or not registered.needs.isdisjoint(present)
    ]


_import_all()

__all__ = ["Finding", "SentenceReader", "ordered_readers", "readers_for"]
