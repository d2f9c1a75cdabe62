"""Checking an imported scheme with the engine's own loader, reporting instead of raising."""

from __future__ import annotations

import importlib
from typing import Any


def validate(scheme: dict[str, Any]) -> list[str]:
    """What ``kaohe.engine.load_scheme`` says about the scheme; empty when it loads."""
    engine = importlib.import_module("kaohe.engine")
    load_scheme = getattr(engine, "load_scheme", None)
    if load_scheme is None:
        return ["方案未经引擎校验：kaohe.engine.load_scheme 尚不可用"]
    try:
        load_scheme(scheme)
    except Exception as error:
        return [line for line in str(error).splitlines() if line.strip()] or [type(error).__name__]
    return []
