"""``kaohe audit verify``: walk the audit chain and name the first broken or missing link.

An entry whose seal does not match its fields was changed in the database; a gap in the
sequence numbers is an entry deleted; a chain head ahead of the last entry is a tail cut off.
The chain may start after 1 when older entries were archived: the 归档审计日志 entry that removed
them (itself sealed in the chain) gives the seal the walk continues from.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kaohe.audit.chain import (
    ARCHIVED_LAST_MAC,
    ARCHIVED_THROUGH,
    HEAD,
    audit_key,
    seal,
    sealed_fields,
)
from kaohe.audit.models import Action, AuditEntry, ChainHead

CHUNK = 2000


@dataclass(frozen=True)
class Link:
    """What the walk needs of an entry: its sealed fields and its seal."""

    fields: dict[str, Any]
    mac: str


@dataclass
class Walk:
    """The chain walked so far: the next sequence number expected and the seal to chain from."""

    algorithm: str
    previous: str
    expected: int
    checked: int = 0
    problem: str = ""

    def step(self, key: bytes, link: Link) -> bool:
        """Checks one link; False (and ``problem`` set) at the first break."""
        seq = link.fields.get("seq")
        if not isinstance(seq, int):
            self.problem = f"第 {self.expected} 条审计记录格式不正确"
            return False
        if seq != self.expected:
            self.problem = f"第 {self.expected}–{seq - 1} 条审计记录缺失（被删除）"
            return False
        if not hmac.compare_digest(seal(key, self.algorithm, self.previous, link.fields), link.mac):
            self.problem = f"第 {seq} 条审计记录被改动（校验码不符）"
            return False
        self.previous, self.expected, self.checked = link.mac, seq + 1, self.checked + 1
        return True

    def walk(self, key: bytes, links: Iterable[Link]) -> bool:
        return all(self.step(key, link) for link in links)


def verify_chain() -> Walk:
    """The walk of the whole chain in the database; ``problem`` is empty when it is intact."""
    head = ChainHead.objects.filter(pk=HEAD).first()
    unsealed = AuditEntry.objects.filter(seq=None).order_by("id").first()
    if head is None:
        found = Walk("", "", 1)
        if unsealed or AuditEntry.objects.exists():
            found.problem = "审计链头缺失（被删除）"
        return found
    walk = starting_walk(head.algorithm)
    if unsealed is not None:
        walk.problem = f"编号 {unsealed.pk} 的审计记录未加入审计链（绕过系统直接写入）"
    elif walk.problem == "" and walk.walk(audit_key(), database_links()):
        walk.problem = tail_problem(head, walk)
    return walk


def starting_walk(algorithm: str) -> Walk:
    first = AuditEntry.objects.order_by("seq").values_list("seq", flat=True).first()
    if first is None or first == 1:
        return Walk(algorithm, "", 1)
    for new in archive_notes():
        if isinstance(new, dict) and new.get(ARCHIVED_THROUGH) == first - 1:
            return Walk(algorithm, str(new.get(ARCHIVED_LAST_MAC, "")), first)
    return Walk(algorithm, "", 1, problem=f"第 1–{first - 1} 条审计记录缺失（无归档记录）")


def archive_notes() -> Iterable[Any]:
    archived = AuditEntry.objects.filter(action=Action.AUDIT_ARCHIVED).order_by("-seq")
    return archived.values_list("new", flat=True)


def database_links() -> Iterable[Link]:
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=CHUNK):
        yield Link(sealed_fields(entry), entry.mac)


def tail_problem(head: ChainHead, walk: Walk) -> str:
    last = walk.expected - 1
    if head.seq > last:
        return f"第 {last + 1}–{head.seq} 条审计记录缺失（链尾被删除）"
    if head.seq != last or not hmac.compare_digest(head.mac, walk.previous):
        return f"审计链头（第 {head.seq} 条）与最后一条审计记录（第 {last} 条）不符"
    return ""
