"""The backup archive: a gzip-compressed tar holding ``manifest.json``, the database dump under
``database/`` and the evidence files under ``media/``. The manifest names every other member with
its SHA-256; an archive whose members do not match it exactly is refused before anything is
restored."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

FORMAT = "kaohe-backup/1"
MANIFEST = "manifest.json"
MEDIA = "media"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is Chinese and says why."""


@dataclass(frozen=True)
class Manifest:
    vendor: str  # "sqlite" or "postgresql": a dump restores only into the same kind
    database_member: str
    checksums: dict[str, str]  # member name → SHA-256 of its content
    created_at: str

    def to_json(self) -> bytes:
        return json.dumps(
            {
                "format": FORMAT,
                "created_at": self.created_at,
                "database": {"vendor": self.vendor, "member": self.database_member},
                "checksums": self.checksums,
            },
            ensure_ascii=False,
            indent=2,
        ).encode()

    @classmethod
    def from_json(cls, content: bytes) -> Manifest:
        try:
            data = json.loads(content)
            if data["format"] != FORMAT:
                raise BackupError(f"不认识的备份格式「{data['format']}」")
            database = data["database"]
            return cls(
                database["vendor"], database["member"], data["checksums"], data["created_at"]
            )
        except (ValueError, KeyError, TypeError) as error:
            raise BackupError("备份文件的清单（manifest.json）无法读取") from error


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files(media_dir: Path) -> Iterator[tuple[str, Path]]:
    """(member name, path) of every evidence file, in a stable order."""
    if not media_dir.is_dir():
        return
    for path in sorted(media_dir.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield f"{MEDIA}/{path.relative_to(media_dir).as_posix()}", path


def write_archive(target: Path, vendor: str, database_dump: Path, media_dir: Path) -> Manifest:
    """Write the archive to ``target`` (via a temporary name, so a half-written archive never
    carries the final name) and return its manifest."""
    members = [(f"database/{database_dump.name}", database_dump), *media_files(media_dir)]
    checksums = {name: file_sha256(path) for name, path in members}
    created_at = datetime.now().astimezone().isoformat(timespec="seconds")
    manifest = Manifest(vendor, members[0][0], checksums, created_at)
    partial = target.with_name(target.name + ".partial")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(partial, "w:gz") as archive:
        add_bytes(archive, MANIFEST, manifest.to_json())
        for name, path in members:
            archive.add(path, arcname=name, recursive=False)
    os.replace(partial, target)
    return manifest


def add_bytes(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mode = 0o644
    info.mtime = int(time.time())
    archive.addfile(info, io.BytesIO(content))


def unpack_checked(source: Path, into: Path) -> Manifest:
    """Unpack the archive into the empty folder ``into`` and check every member against the
    manifest; raise BackupError, restoring nothing, if any member is missing, extra or altered."""
    try:
        with tarfile.open(source, "r:*") as archive:
            archive.extractall(into, filter="data")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"无法读取备份文件「{source}」：{error}") from error
    manifest_path = into / MANIFEST
    if not manifest_path.is_file():
        raise BackupError(f"「{source}」不是 kaohe 备份文件：缺少清单 manifest.json")
    manifest = Manifest.from_json(manifest_path.read_bytes())
    found = {
        path.relative_to(into).as_posix(): file_sha256(path)
        for path in into.rglob("*")
        if path.is_file() and path != manifest_path
    }
    altered = sorted(set(found.items()) ^ set(manifest.checksums.items()))
    if altered:
        names = "、".join(dict.fromkeys(name for name, _ in altered))
        raise BackupError(f"备份文件校验失败，不予恢复：{names} 与清单中的 SHA-256 校验和不符")
    return manifest
