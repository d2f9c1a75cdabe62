"""Evidence files for every app: type, size and content checked, stored under random names,
attached with ``attach`` and downloaded with ``download`` — the same answers everywhere.

The content must start with the magic bytes of the type its extension claims (doc/xls are OLE2
compound files; docx/xlsx are zip archives holding word/ or xl/), so a renamed executable or a
page of HTML never passes as a PDF. Files go to the default storage (MEDIA_ROOT on disk, object
storage when configured) under a folder per app and a random name — never under the static
files — and leave only as downloads with ``Content-Disposition: attachment``: 403 for someone
who may not read the file, 404 when the evidence or its file is gone.

The request carrying an upload is capped too (``RequestBodyCapMiddleware``): a body declared
larger than the upload cap plus a margin for the form is refused with 413 before a byte of it
is read. Workbooks to import are read only through kaohe.transfer.workbooks (the guarded reader).
"""

from __future__ import annotations

import hashlib
import secrets
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from kaohe.models import EvidenceFile
from kaohe.transfer.limits import MAX_ZIP_ENTRIES, declared_entries

AnyEvidence = TypeVar("AnyEvidence", bound=EvidenceFile)

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
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
}
OFFICE_FOLDER = {"docx": "word/", "xlsx": "xl/"}
ALLOWED_TEXT = "PDF、Word（doc/docx）、Excel（xls/xlsx）、JPG、PNG、ZIP"


@dataclass(frozen=True)
class StoredFile:
    original_name: str
    stored_name: str
    kind: str
    content_type: str
    size: int
    sha256: str

    def common_fields(self) -> dict[str, object]:
        """The columns every evidence model shares (kaohe.models.EvidenceFile)."""
        return {
            "original_name": self.original_name,
            "stored_name": self.stored_name,
            "content_type": self.content_type,
            "size": self.size,
            "sha256": self.sha256,
        }


FORM_MARGIN_BYTES = 1024 * 1024  # the form's other fields and the multipart boundaries


def max_bytes() -> int:
    """The cap on every upload, evidence and workbooks alike (KAOHE_UPLOAD_MAX_MB)."""
    return int(settings.UPLOAD_MAX_MB) * 1024 * 1024


def max_request_bytes() -> int:
    """The cap on a whole request body: one upload at the cap and its form. The reverse proxy
    is given the same figure (client_max_body_size, docs/operations.md)."""
    return max_bytes() + FORM_MARGIN_BYTES


class RequestBodyCapMiddleware:
    """Refuses with 413 a request whose declared body is over ``max_request_bytes`` before any
    of it is read (the CSRF check would read it all to find its token)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0  # Django reads no body it cannot size
        if declared > max_request_bytes():
            return request_too_large()
        return self.get_response(request)


def request_too_large() -> HttpResponse:
    limit = max_bytes() // 1024 // 1024
    return HttpResponse(
        f"<!doctype html><meta charset=utf-8><title>上传内容过大</title>"
        f"<p>上传内容过大：每个文件不得超过 {limit} MB，请压缩或拆分后重新上传。</p>",
        status=413,
        content_type="text/html; charset=utf-8",
    )


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
    """Does the zip hold the folder? Its declared entry count is read first: the zip
    directory of a file listing a hundred thousand parts is not parsed at all."""
    upload.seek(max((upload.size or 0) - 22 - 65_535, 0))
    too_many = declared_entries(upload.read()) > MAX_ZIP_ENTRIES
    upload.seek(0)
    if too_many:
        return False
    try:
        with zipfile.ZipFile(upload) as archive:
            found = any(entry.startswith(folder) for entry in archive.namelist())
    except zipfile.BadZipFile:
        found = False
    upload.seek(0)
    return found


def store(upload: UploadedFile, folder: str) -> StoredFile:
    """Checks the upload and saves it under ``folder/`` with a random name."""
    kind = check(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    stored_name = default_storage.save(f"{folder}/{secrets.token_hex(16)}.{kind}", upload)
    return StoredFile(
        clean_name(upload.name or ""),
        stored_name,
        kind,
        CONTENT_TYPES[kind],
        upload.size or 0,
        digest.hexdigest(),
    )


def discard(stored_name: str) -> None:
    default_storage.delete(stored_name)


def attach(
    actor: Any, evidence_type: type[AnyEvidence], folder: str, upload: UploadedFile, **owner: Any
) -> AnyEvidence:
    """Checks and stores the upload, then records it as ``evidence_type`` of ``owner``.

    The caller has checked that ``actor`` may attach it and writes the audit entry.
    """
    stored = store(upload, folder)
    return evidence_type.objects.create(uploaded_by=actor, **owner, **stored.common_fields())


def download(
    request: HttpRequest,
    evidence: models.QuerySet[AnyEvidence],
    evidence_id: int,
    may_read: Callable[[Any, AnyEvidence], bool],
) -> FileResponse:
    """The file as an attachment under its original name; 403 for a reader ``may_read``
    refuses, 404 when the evidence or its stored file is gone."""
    item = get_object_or_404(evidence, pk=evidence_id)
    if not may_read(request.user, item):
        raise PermissionDenied("您无权下载该材料")
    try:
        handle = default_storage.open(item.stored_name, "rb")
    except FileNotFoundError as missing:
        raise Http404("文件已不存在") from missing
    return FileResponse(
        handle,
        as_attachment=True,
        filename=item.original_name,
        content_type="application/octet-stream",
    )
