"""Sentence readers, one small module per rule kind, found and imported here.

Each module registers its readers with ``@sentence_reader(name, priority=…)``; more specific
readers take lower numbers, and the one-time amount reader (「…的，扣0.5分」) and the weak
酌情扣分 reader come last.
"""

from __future__ import annotations

import importlib
import pkgutil

from kaohe.textrules.patterns.base import SENTENCE_READERS, Finding, SentenceReader


def _import_all() -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


def ordered_readers() -> list[SentenceReader]:
    """Every sentence reader, most specific first, ending with the fallbacks."""
    return [reader for _, reader in sorted(SENTENCE_READERS.values(), key=lambda pair: pair[0])]


_import_all()

__all__ = ["Finding", "SentenceReader", "ordered_readers"]
