"""Evidence files: extension, size and content checked; stored under random names in MEDIA_ROOT.

The content must start with the magic bytes of the type its extension claims (doc/xls are OLE2
compound files; docx/xlsx are zip archives holding word/ or xl/), so a renamed executable or a
page of HTML never passes as a PDF.
"""

from __future__ import annotations

import hashlib
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = (b"PK\x03\x04", b"PK\x05\x06")
MAGIC: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "doc": (OLE2,),
    "xls": (OLE2,),
    "docx": ZIP,
    "xlsx": ZIP,
    "zip": ZIP,
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
OFFICE_FOLDER = {"docx": "word/", "xlsx": "xl/"}
ALLOWED_TEXT = "PDF、Word（doc/docx）、Excel（xls/xlsx）、JPG、PNG、ZIP"


@dataclass(frozen=True)
class StoredFile:
    original_name: str
    stored_name: str
    kind: str
    size: int
    sha256: str


def max_bytes() -> int:
    return int(getattr(settings, "KAOHE_EVIDENCE_MAX_MB", 20)) * 1024 * 1024


def evidence_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "evidence"


def clean_name(name: str) -> str:
    base = PurePath(name.replace("\\", "/")).name.strip() or "材料"
    return base[-200:]


def extension_of(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def check(upload: UploadedFile) -> str:
    """The file's kind, or a ValidationError saying in Chinese what is wrong with it."""
    name = clean_name(upload.name or "")
    kind = extension_of(name)
    if kind not in MAGIC:
        raise ValidationError(f"「{name}」的类型不允许上传，只接受 {ALLOWED_TEXT}")
    if upload.size is None or upload.size > max_bytes():
        raise ValidationError(f"「{name}」超过 {max_bytes() // 1024 // 1024} MB 的上限")
    if upload.size == 0:
        raise ValidationError(f"「{name}」是空文件")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(MAGIC[kind]):
        raise ValidationError(f"「{name}」的内容与扩展名 .{kind} 不符")
    if kind in OFFICE_FOLDER and not holds_folder(upload, OFFICE_FOLDER[kind]):
        raise ValidationError(f"「{name}」不是有效的 .{kind} 文件")
    return kind


def holds_folder(upload: UploadedFile, folder: str) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            found = any(entry.startswith(folder) for entry in archive.namelist())
    except zipfile.BadZipFile:
        found = False
    upload.seek(0)
    return found


def store(upload: UploadedFile) -> StoredFile:
    """Checks the upload and writes it under a random name; returns what to record about it."""
    kind = check(upload)
    folder = evidence_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stored_name = secrets.token_hex(16)
    digest = hashlib.sha256()
    with open(folder / stored_name, "xb") as handle:
        for chunk in upload.chunks():
            digest.update(chunk)
            handle.write(chunk)
    return StoredFile(
        clean_name(upload.name or ""), stored_name, kind, upload.size, digest.hexdigest()
    )


def path_of(stored_name: str) -> Path:
    return evidence_dir() / stored_name


def discard(stored_name: str) -> None:
    path_of(stored_name).unlink(missing_ok=True)
