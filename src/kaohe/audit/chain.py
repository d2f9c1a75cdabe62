"""The audit log as a chain: every entry sealed with an HMAC over its fields and the seal of the
entry before it, under a key kept outside the database.

Whoever edits a row, deletes one or cuts the tail off in the database cannot write the seals
that would hide it without the key: ``kaohe audit verify`` (kaohe.audit.verify) walks the chain
and names the first broken or missing link. The HMAC is SM3 (GB/T 32905) where the platform's
hashlib offers it, SHA-256 otherwise; the chain head records which, so a chain is always checked
with the algorithm it was sealed with.

Appends are serialised on the chain head row: ``select_for_update`` on PostgreSQL, SQLite's one
write lock on SQLite (transactions there begin IMMEDIATE). Two writers never seal against the
same predecessor, and the unique sequence number refuses a fork if they ever did.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import os
import secrets
from collections.abc import Iterable
from datetime import UTC
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from kaohe.audit.models import AuditEntry, ChainHead

HEAD = 1  # the chain head is the one row with this id
# What an 归档审计日志 entry says of the entries it removed: verify starts the chain after them.
ARCHIVED_THROUGH = "归档至链序号"
ARCHIVED_LAST_MAC = "归档末条校验码"
SEALED_FIELDS = (
    "seq",
    "at",
    "actor_id",
    "actor_name",
    "action",
    "object_type",
    "object_id",
    "object_repr",
    "old",
    "new",
    "ip",
)


def preferred_algorithm() -> str:
    return "sm3" if "sm3" in hashlib.algorithms_available else "sha256"


def audit_key() -> bytes:
    """KAOHE_AUDIT_KEY when given, else the key file (AUDIT_KEY_FILE, var/audit_key by default),
    written once with mode 0600 by the first process that needs it."""
    given = os.environ.get("KAOHE_AUDIT_KEY", "")
    if given:
        return given.encode()
    key_file = Path(settings.AUDIT_KEY_FILE)
    key_file.parent.mkdir(parents=True, exist_ok=True)
    try:  # O_EXCL: of several processes starting at once, exactly one writes the key
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32))
    return key_file.read_text().strip().encode()


def sealed_fields(entry: Any) -> dict[str, Any]:
    """The entry's fields as plain JSON values, the same before saving and after reading back
    from either database (jsonb reorders keys, inet rewrites addresses, Decimals become text)."""
    return {
        "seq": entry.seq,
        "at": entry.at.astimezone(UTC).isoformat(),
        "actor_id": entry.actor_id,
        "actor_name": entry.actor_name,
        "action": str(entry.action),
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "old": as_json(entry.old),
        "new": as_json(entry.new),
        "ip": ipaddress.ip_address(entry.ip).compressed if entry.ip else None,
    }


def as_json(value: Any) -> Any:
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def seal(key: bytes, algorithm: str, previous: str, fields: dict[str, Any]) -> str:
    """The HMAC of the previous entry's seal and this entry's fields."""
    text = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    message = f"{previous}\n{text}".encode()
    return hmac.new(key, message, algorithm).hexdigest()


def append(entries: Iterable[AuditEntry]) -> None:
    """Seal the entries after the chain head, in order, and save them with the new head."""
    batch = list(entries)
    with transaction.atomic():
        head = locked_head()
        key = audit_key()
        for entry in batch:
            head.seq += 1
            entry.seq = head.seq
            entry.mac = seal(key, head.algorithm, head.mac, sealed_fields(entry))
            head.mac = entry.mac
        AuditEntry.objects.bulk_create(batch, batch_size=1000)
        head.save(update_fields=["seq", "mac"])


def locked_head() -> ChainHead:
    head = ChainHead.objects.select_for_update().filter(pk=HEAD).first()
    if head is None:
        start_chain()
        head = ChainHead.objects.select_for_update().get(pk=HEAD)
    return head


def start_chain() -> None:
    """The head of a new chain, or of one whose head row went missing: after its last entry."""
    last = AuditEntry.objects.exclude(seq=None).order_by("-seq").first()
    ChainHead.objects.get_or_create(
        pk=HEAD,
        defaults={
            "algorithm": preferred_algorithm(),
            "seq": last.seq if last else 0,
            "mac": last.mac if last else "",
        },
    )
