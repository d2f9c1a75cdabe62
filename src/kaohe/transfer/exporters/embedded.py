"""The canonical scheme, carried inside an exported xlsx/docx package.

The printed table shows what an office reads and edits: the tree, points, criteria and owners.
What it cannot show — the formula, grade bands, hand-written rules, categories — travels as the
scheme file in a part of its own (``kaohe/scheme.yaml``), which Office leaves alone and the
importer uses where the table was not changed.

The part is written as JSON, which is YAML too: any YAML reader still takes it, and the importer
reads it about a hundred times faster than block YAML. Data JSON would change (a date, a number
as a key) is written as block YAML instead.
"""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from typing import Any

from kaohe.transfer.scheme_file import dump_scheme_data

SCHEME_PART = "kaohe/scheme.yaml"
_CONTENT_TYPES = "[Content_Types].xml"
_YAML_TYPE = b'<Default Extension="yaml" ContentType="application/x-yaml"/>'


def embed_scheme(package: bytes, scheme: dict[str, Any]) -> bytes:
    """``package`` with the scheme file added as a part of its own."""
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == _CONTENT_TYPES and b'Extension="yaml"' not in content:
                content = content.replace(b"</Types>", _YAML_TYPE + b"</Types>", 1)
            target.writestr(info, content)
        target.writestr(SCHEME_PART, carried_text(scheme).encode("utf-8"))
    return buffer.getvalue()


def carried_text(scheme: dict[str, Any]) -> str:
    """The scheme file as JSON, or as block YAML when JSON cannot hold it as it is."""
    try:
        return _json(scheme)
    except (TypeError, ValueError):
        return dump_scheme_data(scheme)


def _json(value: Any) -> str:
    """``value`` as JSON text, a Decimal written with its own digits (``json.dumps`` would take
    it only as a float, and lose digits). Raises TypeError for what JSON would alter or refuse:
    a date, a key that is not text."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise TypeError("JSON turns every key into text")
        return "{" + ", ".join(f"{_json(key)}: {_json(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(map(_json, value)) + "]"
    if isinstance(value, Decimal) and value.is_finite():
        return str(int(value)) if value == value.to_integral_value() else format(value, "f")
    if value is None or isinstance(value, int | float):  # bool is an int
        return json.dumps(value, allow_nan=False)
    raise TypeError(f"{type(value).__name__} is not written as JSON")
