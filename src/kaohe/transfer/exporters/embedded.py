"""The canonical scheme, carried inside an exported xlsx/docx package.

The printed table shows what an office reads and edits: the tree, points, criteria and owners.
What it cannot show — the formula, grade bands, hand-written rules, categories — travels as the
scheme file in a part of its own (``kaohe/scheme.yaml``), which Office leaves alone and the
importer uses where the table was not changed.
"""

from __future__ import annotations

import io
import zipfile
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
        target.writestr(SCHEME_PART, dump_scheme_data(scheme).encode("utf-8"))
    return buffer.getvalue()
