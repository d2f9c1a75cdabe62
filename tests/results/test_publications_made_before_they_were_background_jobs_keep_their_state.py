"""Results 0009 makes a publication a background job (kaohe.jobs.BackgroundJob). A publication
row in the shape before — started_at, no title, the publication's own status choices — keeps its
state, its start time, its step and its problems, and still says 发布中 / 已发布 / 发布失败; the
office still sees why the last one failed."""

from datetime import timedelta
from typing import Any

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from kaohe.results import actions
from kaohe.results.models import Publication

BEFORE = [("results", "0008_snapshot_records_take_the_glossary_names")]
AFTER = [("results", "0009_publication_is_a_background_job")]
PROBLEM = "党建科 1.2：次数不能为负"


def migrate(target: Any) -> Any:
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def old_publications(bureau: Any, started: Any) -> list[int]:
    """A done one, one running since ``started``, then the failed one the page shows."""
    old = migrate(BEFORE).get_model("results", "Publication").objects
    who = {"cycle_id": bureau.cycle.pk, "started_by_id": bureau.office.pk}
    done = old.create(status="done", finished_at=timezone.now(), **who)
    running = old.create(status="running", stage="正在计算全部单位的得分", **who)
    failed = old.create(status="failed", problems=[PROBLEM], finished_at=timezone.now(), **who)
    old.filter(pk=running.pk).update(started_at=started)
    return [done.pk, running.pk, failed.pk]


def test_old_publications_keep_their_state_and_words_after_the_migration(
    transactional_db: Any, bureau: Any, client: Any
) -> None:
    bureau.commit(actions.lock_cycle, bureau.office, bureau.cycle)
    started = timezone.now() - timedelta(minutes=30)
    try:
        ids = old_publications(bureau, started)
    finally:
        migrate(AFTER)

    done, running, failed = (Publication.objects.get(pk=pk) for pk in ids)
    assert [done.status, running.status, failed.status] == ["done", "running", "failed"]
    assert [done.status_word, running.status_word, failed.status_word] == [
        "已发布",
        "发布中",
        "发布失败",
    ]
    assert running.created_at == started and running.stalled
    assert running.stage == "正在计算全部单位的得分" and not running.finished
    assert failed.problems == [PROBLEM] and failed.finished
    assert failed.title == f"公示「{bureau.cycle.name}」考核结果"
    assert str(failed) == f"{bureau.cycle} 结果发布（发布失败）"

    client.force_login(bureau.office)
    page = client.get(reverse("results:ranking", args=[bureau.cycle.pk])).content.decode()
    assert "上次公示未完成" in page and PROBLEM in page
