"""``kaohe audit archive --before DATE``: entries older than the retention period go to a signed
file, and only then leave the database.

The log keeps at least ``RETENTION_DAYS`` (184: 网络安全法 §21 asks for six months); older
entries may be archived, never silently dropped. The archive is JSON lines: a header line, one
line per entry (its sealed fields and seal), and a last line with the HMAC of everything before
it under the audit key. The file is written, read back and checked before the entries are
removed, inside the removal permit (kaohe.audit.guard), in the same transaction as the
归档审计日志 entry that names the last archived seal — where ``verify`` continues the chain.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

from kaohe.audit.chain import ARCHIVED_LAST_MAC, ARCHIVED_THROUGH, HEAD, audit_key
from kaohe.audit.guard import removal_permitted
from kaohe.audit.log import Action, log_change
from kaohe.audit.models import AuditEntry, ChainHead
from kaohe.audit.verify import Link, Walk, database_links, verify_chain

RETENTION_DAYS = 184
FORMAT = "kaohe-audit-archive/1"


class ArchiveRefused(Exception):
    """Nothing was archived or removed; the message says why, in Chinese."""


@dataclass(frozen=True)
class Archived:
    path: Path
    first: int
    last: int
    sha256: str

    @property
    def count(self) -> int:
        return self.last - self.first + 1


def archive_before(before: date, output: Path | None = None) -> Archived | None:
    """Archive and remove the entries logged before ``before``; None when there are none."""
    refuse_recent(before)
    found = verify_chain()
    if found.problem:
        raise ArchiveRefused(f"审计链已断裂，不予归档（先查明原因）：{found.problem}")
    first, last = archivable_range(before)
    if last < first:
        return None
    target = output or default_path(first, last)
    written = write_archive(target, found.algorithm, first, last, before)
    remove_archived(written, check_archive(target).walk.previous)
    return written


def refuse_recent(before: date) -> None:
    latest = timezone.localdate() - timedelta(days=RETENTION_DAYS)
    if before > latest:
        raise ArchiveRefused(
            f"审计日志至少保存 {RETENTION_DAYS} 天：只能归档 {latest:%Y-%m-%d} 及以前的记录，"
            f"不能归档到 {before:%Y-%m-%d}"
        )


def archivable_range(before: date) -> tuple[int, int]:
    """The oldest unbroken run of entries logged before the day: its first and last seq."""
    entries = AuditEntry.objects.order_by("seq").values_list("seq", flat=True)
    first = entries.first()
    if first is None:
        return 1, 0
    cut = timezone.make_aware(datetime.combine(before, time.min))
    young = entries.filter(at__gte=cut).first()
    head = ChainHead.objects.get(pk=HEAD)
    return first, (young - 1 if young is not None else head.seq)


def default_path(first: int, last: int) -> Path:
    return Path(settings.VAR_DIR) / "audit-archives" / f"audit-{first:09d}-{last:09d}.jsonl"


def write_archive(target: Path, algorithm: str, first: int, last: int, before: date) -> Archived:
    key, start = audit_key(), starting_seal(first)
    header = {"format": FORMAT, "algorithm": algorithm, "previous_mac": start}
    header |= {"first_seq": first, "last_seq": last, "before": before.isoformat()}
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    signature = hmac.new(key, digestmod=algorithm)
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        write_line(handle, signature, header)
        for link in database_links_through(last):
            write_line(handle, signature, {"fields": link.fields, "mac": link.mac})
        handle.write(json_line({"signature": signature.hexdigest()}))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, target)
    return Archived(target, first, last, file_sha256(target))


def starting_seal(first: int) -> str:
    """The seal the archived run chains from: empty at the chain's start, else the boundary an
    earlier archive left (verify_chain has just checked it)."""
    if first == 1:
        return ""
    for new in AuditEntry.objects.filter(action=Action.AUDIT_ARCHIVED).values_list(
        "new", flat=True
    ):
        if isinstance(new, dict) and new.get(ARCHIVED_THROUGH) == first - 1:
            return str(new.get(ARCHIVED_LAST_MAC, ""))
    raise ArchiveRefused(f"找不到第 {first - 1} 条审计记录的归档记录")


def database_links_through(last: int) -> Iterator[Link]:
    for link in database_links():
        if link.fields["seq"] > last:
            return
        yield link


def json_line(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, sort_keys=True) + "\n").encode()


def write_line(handle: IO[bytes], signature: Any, value: Any) -> None:
    line = json_line(value)
    signature.update(line)
    handle.write(line)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def remove_archived(archived: Archived, last_mac: str) -> None:
    with removal_permitted(connection):
        AuditEntry.objects.filter(seq__lte=archived.last).remove_archived()
        log_change(
            None,
            Action.AUDIT_ARCHIVED,
            target_label=archived.path.name,
            new={
                ARCHIVED_THROUGH: archived.last,
                ARCHIVED_LAST_MAC: last_mac,
                "归档自链序号": archived.first,
                "条数": archived.count,
                "文件 SHA-256": archived.sha256,
            },
        )


@dataclass(frozen=True)
class ArchiveCheck:
    header: dict[str, Any]
    walk: Walk


def check_archive(path: Path) -> ArchiveCheck:
    """The archive's signature and the chain inside it; ArchiveRefused at the first fault."""
    key = audit_key()
    with path.open("rb") as handle:
        header_line = handle.readline()
        header = archive_header(path, header_line)
        signature = hmac.new(key, header_line, header["algorithm"])
        walk = Walk(header["algorithm"], header["previous_mac"], header["first_seq"])
        last_line = walk_lines(handle, key, signature, walk)
    if not hmac.compare_digest(parsed(last_line).get("signature", ""), signature.hexdigest()):
        raise ArchiveRefused(f"「{path.name}」的签名不符：文件被改动或不是用本系统的密钥生成")
    if walk.problem:
        raise ArchiveRefused(f"「{path.name}」中{walk.problem}")
    if walk.expected - 1 != header["last_seq"]:
        raise ArchiveRefused(f"「{path.name}」应含到第 {header['last_seq']} 条，实际不全")
    return ArchiveCheck(header, walk)


def archive_header(path: Path, line: bytes) -> dict[str, Any]:
    header = parsed(line)
    kinds = {"algorithm": str, "previous_mac": str, "first_seq": int, "last_seq": int}
    if header.get("format") != FORMAT or any(
        not isinstance(header.get(name), kind) for name, kind in kinds.items()
    ):
        raise ArchiveRefused(f"「{path.name}」不是 kaohe 审计日志归档文件")
    if header["algorithm"] not in hashlib.algorithms_available:
        raise ArchiveRefused(f"本机不支持归档文件的校验算法 {header['algorithm']}")
    return header


def walk_lines(handle: IO[bytes], key: bytes, signature: Any, walk: Walk) -> bytes:
    """Feeds each entry line to the signature and the walk; returns the last (signature) line."""
    line = handle.readline()
    for following in iter(handle.readline, b""):
        signature.update(line)
        entry = parsed(line)
        if not walk.problem:
            walk.step(key, Link(entry.get("fields", {}), str(entry.get("mac", ""))))
        line = following
    return line


def parsed(line: bytes) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except ValueError as error:
        raise ArchiveRefused("归档文件格式不正确（不是 JSON 行）") from error
    if not isinstance(value, dict):
        raise ArchiveRefused("归档文件格式不正确")
    return value
