"""The audit log is a chain sealed under a key outside the database: a row edited or deleted
directly in the database (the triggers dropped first, as an attacker with database access would)
is named by `kaohe audit verify`, which then exits non-zero; the triggers refuse UPDATE and
DELETE to everyone else."""

import stat

import pytest
from django.db import DatabaseError, connection, transaction

from kaohe.audit.log import Action, log_change
from kaohe.audit.models import AuditEntry
from kaohe.cli import main

TRIGGERS = {
    "sqlite": [
        "DROP TRIGGER audit_entry_refuses_update",
        "DROP TRIGGER audit_entry_refuses_delete",
        "DROP TRIGGER audit_head_refuses_delete",
    ],
    "postgresql": [
        "DROP TRIGGER audit_entry_refuses_change ON audit_auditentry",
        "DROP TRIGGER audit_head_refuses_delete ON audit_chainhead",
    ],
}


def as_an_attacker(*statements, params=()):
    """Raw SQL past the application, the triggers dropped (the test's rollback restores them)."""
    with connection.cursor() as cursor:
        for statement in TRIGGERS[connection.vendor]:
            cursor.execute(statement)
        for statement in statements:
            cursor.execute(statement, params)


def five_entries():
    return [
        log_change(None, Action.REMINDERS_SENT, target_label=f"第{number}次提醒", new={"人数": 3})
        for number in range(1, 6)
    ]


def verify(capsys, *extra):
    status = main(["audit", "verify", *extra])
    return status, capsys.readouterr().out


def test_an_untouched_log_verifies_and_the_command_exits_zero(db, capsys):
    five_entries()
    status, said = verify(capsys)
    assert status == 0 and "审计日志完整" in said


def test_a_forged_actor_and_address_written_in_the_database_are_found(db, capsys):
    entries = five_entries()
    as_an_attacker(
        "UPDATE audit_auditentry SET actor_name = %s, ip = %s WHERE id = %s",
        params=["审计管理员甲", "10.0.0.9", entries[2].pk],
    )
    status, said = verify(capsys)
    assert status == 1
    assert f"第 {entries[2].seq} 条审计记录被改动" in said


def test_a_row_deleted_in_the_database_is_found(db, capsys):
    entries = five_entries()
    as_an_attacker("DELETE FROM audit_auditentry WHERE id = %s", params=[entries[1].pk])
    status, said = verify(capsys)
    assert status == 1
    assert f"第 {entries[1].seq}–{entries[1].seq} 条审计记录缺失" in said


def test_the_newest_rows_cut_off_in_the_database_are_found(db, capsys):
    entries = five_entries()
    as_an_attacker("DELETE FROM audit_auditentry WHERE seq >= %s", params=[entries[3].seq])
    status, said = verify(capsys)
    assert status == 1 and "链尾被删除" in said


def test_a_row_inserted_past_the_application_is_found(db, capsys):
    five_entries()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO audit_auditentry (actor_name, at, action, object_type, object_id,"
            " object_repr, mac) VALUES ('某人', %s, 'logged_in', '', '', '', '')",
            [AuditEntry.objects.latest("seq").at],
        )
    status, said = verify(capsys)
    assert status == 1 and "未加入审计链" in said


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_auditentry SET actor_name = 'x'",
        "DELETE FROM audit_auditentry",
        "DELETE FROM audit_chainhead",
    ],
)
def test_the_database_refuses_to_change_or_delete_entries(db, statement):
    five_entries()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert AuditEntry.objects.count() == 5


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE 仅 PostgreSQL")
def test_postgresql_refuses_to_truncate_the_log(db):
    five_entries()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE audit_auditentry, audit_chainhead")
    assert AuditEntry.objects.count() == 5


def test_the_key_is_kept_outside_the_database_in_a_file_only_its_owner_reads(
    db, settings, tmp_path, monkeypatch
):
    monkeypatch.delenv("KAOHE_AUDIT_KEY", raising=False)
    settings.AUDIT_KEY_FILE = tmp_path / "var" / "audit_key"
    log_change(None, Action.REMINDERS_SENT, target_label="提醒")
    mode = stat.S_IMODE(settings.AUDIT_KEY_FILE.stat().st_mode)
    assert mode == 0o600
    key = settings.AUDIT_KEY_FILE.read_text().strip()
    assert len(key) == 64
    assert not AuditEntry.objects.filter(mac__contains=key).exists()


def test_the_chain_is_sealed_with_sm3_where_the_platform_offers_it(db):
    import hashlib

    from kaohe.audit.models import ChainHead

    log_change(None, Action.REMINDERS_SENT, target_label="提醒")
    expected = "sm3" if "sm3" in hashlib.algorithms_available else "sha256"
    assert ChainHead.objects.get().algorithm == expected
