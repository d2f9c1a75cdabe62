"""The rule-kind registry: every module in this package registers its kind when imported."""

from __future__ import annotations

import importlib
import pkgutil

from kaohe.engine.rules.base import RuleKind

_KINDS: dict[str, RuleKind] = {}
_LOADED: list[bool] = []
_SKIP = {"base", "registry", "scaling"}


def register(kind: type[RuleKind]) -> type[RuleKind]:
    """Class decorator: make ``kind`` available under ``kind.name``."""
    _KINDS[kind.name] = kind()
    return kind


def kinds() -> dict[str, RuleKind]:
    """Every registered kind by name, importing the kind modules on first use."""
    if not _LOADED:
        import kaohe.engine.rules as package

        _LOADED.append(True)

        for module in pkgutil.iter_modules(package.__path__):
            if module.name not in _SKIP:
                importlib.import_module(f"{package.__name__}.{module.name}")
    return _KINDS


def kind_of(name: str) -> RuleKind:
    return kinds()[name]
