"""Entries written while actions were free strings get the vocabulary's values; a string the
vocabulary does not know stays as it was, and the migration runs backwards too."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kaohe.audit.models import Action

BEFORE = [("audit", "0001_initial")]
AFTER = [("audit", "0002_action_vocabulary")]


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.fixture
def back_at_the_latest_migration(transactional_db):
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_free_strings_become_members_and_unknown_ones_stay_readable(back_at_the_latest_migration):
    old_entries = migrate(BEFORE).get_model("audit", "AuditEntry").objects
    for action, object_type in [
        ("新增考核记录", "考核记录"),
        ("解除锁定", "用户"),
        ("解除锁定", "考核周期"),
        ("某个旧操作", ""),
    ]:
        old_entries.create(action=action, object_type=object_type)
    # The model as migration 0002 left it: today's has the chain columns added later (0005).
    AuditEntry = migrate(AFTER).get_model("audit", "AuditEntry")
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == [
        Action.RECORD_ADDED,
        Action.ACCOUNT_UNLOCKED,
        Action.CYCLE_REOPENED,
        "某个旧操作",
    ]
    assert AuditEntry.objects.get(action="某个旧操作").get_action_display() == "某个旧操作"
    migrate(BEFORE)
    assert set(old_entries.values_list("action", flat=True)) == {
        "新增考核记录",
        "解除锁定",
        "某个旧操作",
    }
