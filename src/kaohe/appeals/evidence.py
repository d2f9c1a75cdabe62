"""Appeal evidence: size, extension and content checked; stored under a random name.

Files go to the default storage (MEDIA_ROOT on disk, object storage when configured), under
``appeals/`` with a random name — never under the static files — and leave only as downloads
with ``Content-Disposition: attachment``.
"""

from __future__ import annotations

import hashlib
import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
MAGIC = {
    "pdf": (b"%PDF-", "application/pdf"),
    "doc": (OLE, "application/msword"),
    "xls": (OLE, "application/vnd.ms-excel"),
    "docx": (
        ZIP,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (ZIP, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "zip": (ZIP, "application/zip"),
    "jpg": (b"\xff\xd8\xff", "image/jpeg"),
    "jpeg": (b"\xff\xd8\xff", "image/jpeg"),
    "png": (b"\x89PNG\r\n\x1a\n", "image/png"),
}
FOLDER = "appeals"


def max_bytes() -> int:
    return int(getattr(settings, "KAOHE_EVIDENCE_MAX_MB", 20)) * 1024 * 1024


def checked(upload: UploadedFile) -> tuple[bytes, str, str]:
    """The file's bytes, extension and content type, or a ValidationError naming the file."""
    name = PurePath(upload.name or "").name
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in MAGIC:
        allowed = "、".join(sorted(MAGIC))
        raise ValidationError(f"「{name}」的类型不允许上传（只接受 {allowed}）")
    if upload.size is None or upload.size > max_bytes():
        raise ValidationError(f"「{name}」超过 {max_bytes() // (1024 * 1024)} MB")
    content = upload.read()
    magic, content_type = MAGIC[extension]
    if not content.startswith(magic):
        raise ValidationError(f"「{name}」的内容与扩展名 .{extension} 不符")
    return content, extension, content_type


def store(upload: UploadedFile) -> dict[str, object]:
    """Save a checked upload; returns the AppealEvidence fields."""
    content, extension, content_type = checked(upload)
    stored = default_storage.save(
        f"{FOLDER}/{secrets.token_hex(16)}.{extension}", ContentFile(content)
    )
    return {
        "original_name": PurePath(upload.name or "").name[:255],
        "stored_name": stored,
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
        "content_type": content_type,
    }
