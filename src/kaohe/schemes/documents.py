"""The bridge between stored YAML documents and the engine's Scheme."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings

from kaohe.engine import Scheme, SchemeError, load_scheme
from kaohe.transfer.scheme_file import parse_scheme_text


def builtin_scheme_dir() -> Path:
    return Path(settings.BASE_DIR) / "schemes"


def builtin_scheme_files() -> list[Path]:
    return sorted(builtin_scheme_dir().glob("*.yaml"))


@lru_cache(maxsize=16)
def scheme_from_text(text: str) -> Scheme:
    """Parse and validate a scheme document; raises SchemeError with Chinese problems.

    Schemes are immutable, so one parse per distinct document serves every caller."""
    data = parse_scheme_text(text)
    if not isinstance(data, dict):
        raise SchemeError(["方案文件应是一个 YAML 映射（以 format: kaohe-scheme/1 开头）"])
    return load_scheme(data)


def problems_of(text: str) -> list[str]:
    try:
        scheme_from_text(text)
    except SchemeError as error:
        return list(error.problems)
    return []


def data_problems(data: Any) -> list[str]:
    """What the engine says about a scheme's plain data; empty when it loads."""
    try:
        load_scheme(data)
    except SchemeError as error:
        return list(error.problems)
    return []


def document_revision(text: str) -> str:
    """A short fingerprint of a document: the editor's forms carry the one they were shown."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
