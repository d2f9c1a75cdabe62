"""The rule-kind registry: every module in this package registers its kind when imported."""

from __future__ import annotations

import importlib
import pkgutil
import threading

from kaohe.engine.rules.base import RuleKind

_KINDS: dict[str, RuleKind] = {}
_LOADED: list[bool] = []
# A threaded server's first requests call kinds() at once: the others wait until every kind
# module is imported (they saw a half-filled registry, and a valid scheme was refused).
_LOADING = threading.Lock()
_SKIP = {"base", "registry", "scaling"}


def register(kind: type[RuleKind]) -> type[RuleKind]:
    """Class decorator: make ``kind`` available under ``kind.name``."""
    _KINDS[kind.name] = kind()
    return kind


def kinds() -> dict[str, RuleKind]:
    """Every registered kind by name, importing the kind modules on first use."""
    if not _LOADED:
        with _LOADING:
            if not _LOADED:
                import_kind_modules()
                _LOADED.append(True)
    return _KINDS


def import_kind_modules() -> None:
    import kaohe.engine.rules as package

    for module in pkgutil.iter_modules(package.__path__):
        if module.name not in _SKIP:
            importlib.import_module(f"{package.__name__}.{module.name}")


def kind_of(name: str) -> RuleKind:
    return kinds()[name]
