"""Entries older than 184 days may leave the database only through `kaohe audit archive`: written
to a signed file first, then removed; the chain still verifies from the archive's boundary, the
file verifies on its own, and an edit to it is found."""

import datetime
import json

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from kaohe.audit.chain import preferred_algorithm
from kaohe.audit.log import Action, log_change
from kaohe.audit.models import AuditEntry
from kaohe.cli import main


def logged_days_ago(days, label):
    entry = AuditEntry(
        actor_name="系统",
        action=Action.REMINDERS_SENT,
        object_repr=label,
        at=timezone.now() - datetime.timedelta(days=days),
        new={"人数": days},
    )
    entry.save()
    return entry


@pytest.fixture
def a_year_of_entries(db):
    old = [logged_days_ago(days, f"旧提醒{days}") for days in (400, 300, 200)]
    recent = [logged_days_ago(days, f"新提醒{days}") for days in (100, 1)]
    return old, recent


def run(capsys, *arguments):
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def six_months_ago():
    return (timezone.localdate() - datetime.timedelta(days=184)).isoformat()


def test_old_entries_go_to_a_signed_file_and_the_chain_still_verifies(
    a_year_of_entries, capsys, tmp_path
):
    old, recent = a_year_of_entries
    target = tmp_path / "audit-archive.jsonl"

    status, said = run(
        capsys, "audit", "archive", "--before", six_months_ago(), "--output", str(target)
    )

    assert status == 0 and "已归档第 1–3 条（3 条）" in said
    assert not AuditEntry.objects.filter(pk__in=[entry.pk for entry in old]).exists()
    assert AuditEntry.objects.filter(pk__in=[entry.pk for entry in recent]).count() == 2
    archived = AuditEntry.objects.get(action=Action.AUDIT_ARCHIVED)
    assert archived.new["条数"] == 3 and archived.object_repr == target.name
    algorithm = preferred_algorithm()
    assert run(capsys, "audit", "verify") == (
        0,
        f"审计日志完整：核对 3 条（至第 6 条），算法 {algorithm}\n",
    )
    status, said = run(capsys, "audit", "verify", "--archive", str(target))
    assert status == 0 and "第 1–3 条，3 条，签名相符" in said
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert [line["fields"]["object_repr"] for line in lines[1:-1]] == [
        "旧提醒400",
        "旧提醒300",
        "旧提醒200",
    ]


def test_a_second_archive_continues_from_the_first(a_year_of_entries, capsys, tmp_path):
    first = tmp_path / "first.jsonl"
    assert run(capsys, "audit", "archive", "--before", "2000-01-01", "--output", str(first))[0] == 0
    day = (timezone.localdate() - datetime.timedelta(days=250)).isoformat()
    assert run(capsys, "audit", "archive", "--before", day, "--output", str(first))[0] == 0
    later = tmp_path / "later.jsonl"
    status, said = run(
        capsys, "audit", "archive", "--before", six_months_ago(), "--output", str(later)
    )
    assert status == 0 and "已归档第 3–3 条" in said
    assert run(capsys, "audit", "verify")[0] == 0
    assert run(capsys, "audit", "verify", "--archive", str(later))[0] == 0


def test_an_edited_archive_file_is_found(a_year_of_entries, capsys, tmp_path):
    target = tmp_path / "audit-archive.jsonl"
    run(capsys, "audit", "archive", "--before", six_months_ago(), "--output", str(target))
    target.write_text(target.read_text().replace("旧提醒300", "旧提醒301"))

    status, said = run(capsys, "audit", "verify", "--archive", str(target))

    assert status == 1 and "签名不符" in said


def test_entries_younger_than_184_days_are_never_archived(a_year_of_entries, capsys, tmp_path):
    too_recent = (timezone.localdate() - datetime.timedelta(days=183)).isoformat()
    status, said = run(
        capsys, "audit", "archive", "--before", too_recent, "--output", str(tmp_path / "a")
    )
    assert status == 2 and "至少保存 184 天" in said
    assert AuditEntry.objects.count() == 5 and not (tmp_path / "a").exists()


def test_a_broken_chain_is_not_archived(a_year_of_entries, capsys, tmp_path):
    old, _ = a_year_of_entries
    drop = {
        "sqlite": "DROP TRIGGER audit_entry_refuses_delete",
        "postgresql": "DROP TRIGGER audit_entry_refuses_change ON audit_auditentry",
    }
    with connection.cursor() as cursor:
        cursor.execute(drop[connection.vendor])
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [old[1].pk])
    status, said = run(capsys, "audit", "archive", "--before", six_months_ago())
    assert status == 2 and "审计链已断裂" in said and "第 2–2 条审计记录缺失" in said


def test_a_plain_delete_still_fails_after_an_archive(a_year_of_entries, capsys, tmp_path):
    run(capsys, "audit", "archive", "--before", six_months_ago(), "--output", str(tmp_path / "a"))
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry")
    log_change(None, Action.REMINDERS_SENT, target_label="之后")
    assert run(capsys, "audit", "verify")[0] == 0
