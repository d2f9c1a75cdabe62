"""公示 never computes in the request: the cycle turns 发布中 at once, a background job makes the
snapshot while the page shows the step, and a job that fails leaves the cycle 已锁定 with the
reason on the page and in the audit log — never 发布中 for good."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

from kaohe.audit.models import Action, AuditEntry
from kaohe.results import actions, publishing
from kaohe.results.models import Publication
from kaohe.results.publishing import make_publication


def publish(client: Any, bureau: Any) -> Any:
    bureau.commit(actions.lock_cycle, bureau.office, bureau.cycle)
    client.force_login(bureau.office)
    url = reverse("results:publish", args=[bureau.cycle.pk])
    return bureau.commit(client.post, url, follow=True)  # the job is queued when it commits


def run_worker() -> None:
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)


def test_with_a_worker_publishing_returns_at_once_with_the_cycle_being_published(
    transactional_db: Any, bureau: Any, client: Any, worker_backend: None
) -> None:
    page = publish(client, bureau).content.decode()

    bureau.cycle.refresh_from_db()
    assert bureau.cycle.status == "publishing"
    assert not bureau.cycle.snapshots.exists()  # nothing computed in the request
    assert "发布中" in page and "正在后台生成公示结果" in page
    assert f'hx-get="{reverse("results:publication", args=[bureau.cycle.pk])}"' in page
    assert AuditEntry.objects.filter(action=Action.CYCLE_PUBLISHED, new="发布中").exists()

    run_worker()

    bureau.cycle.refresh_from_db()
    assert bureau.cycle.status == "published"
    assert bureau.cycle.snapshots.get().number == 1
    assert AuditEntry.objects.filter(action=Action.RESULTS_PUBLISHED).exists()
    assert Publication.objects.get().status == Publication.Status.DONE


def test_the_page_polls_the_step_and_reloads_when_the_snapshot_is_made(
    transactional_db: Any, bureau: Any, client: Any, worker_backend: None
) -> None:
    publish(client, bureau)
    progress = reverse("results:publication", args=[bureau.cycle.pk])

    waiting = client.get(progress)
    assert "排队等待后台发布" in waiting.content.decode()
    assert "HX-Refresh" not in waiting

    run_worker()
    assert client.get(progress)["HX-Refresh"] == "true"


def test_without_a_worker_the_publication_is_done_when_the_page_returns(
    transactional_db: Any, bureau: Any, client: Any
) -> None:
    page = publish(client, bureau).content.decode()
    assert "考核结果已公示" in page
    bureau.cycle.refresh_from_db()
    assert bureau.cycle.status == "published"


def test_records_that_do_not_fit_leave_the_cycle_locked_with_the_reason(
    transactional_db: Any, bureau: Any, client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(cycle: Any) -> Any:
        raise ValidationError(["有考核记录不符合方案，不能公示：", "党建科 1.2：次数不能为负"])

    monkeypatch.setattr("kaohe.results.publishing.computed_whole", refuse)

    page = publish(client, bureau).content.decode()

    bureau.cycle.refresh_from_db()
    assert bureau.cycle.status == "locked"
    assert not bureau.cycle.snapshots.exists()
    assert "上次公示未完成" in page and "党建科 1.2：次数不能为负" in page
    failed = AuditEntry.objects.get(action=Action.PUBLICATION_FAILED)
    assert "党建科 1.2：次数不能为负" in str(failed.new)
    assert "公示结果" in page  # the button is back: the office may publish again


def test_a_job_that_breaks_leaves_the_cycle_locked_not_stuck_publishing(
    transactional_db: Any, bureau: Any, client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(cycle: Any) -> Any:
        raise RuntimeError("disk full")

    monkeypatch.setattr("kaohe.results.publishing.computed_whole", broken)

    page = publish(client, bureau).content.decode()

    bureau.cycle.refresh_from_db()
    assert bureau.cycle.status == "locked"
    assert "发布时发生内部错误" in page
    assert Publication.objects.get().status == Publication.Status.FAILED


def test_a_publication_whose_worker_died_can_be_queued_again(
    transactional_db: Any, bureau: Any, client: Any, worker_backend: None
) -> None:
    publish(client, bureau)
    ranking = reverse("results:ranking", args=[bureau.cycle.pk])
    requeue = reverse("results:requeue_publication", args=[bureau.cycle.pk])
    assert "重新排队发布" not in client.get(ranking).content.decode()  # it may still run
    refused = client.post(requeue, follow=True).content.decode()
    assert "没有停滞的发布" in refused

    Publication.objects.update(created_at=timezone.now() - timedelta(minutes=11))
    assert "重新排队发布" in client.get(ranking).content.decode()
    client.post(requeue)
    run_worker()  # the first queued run and the second: the snapshot is made once

    bureau.cycle.refresh_from_db()
    assert bureau.cycle.status == "published"
    assert bureau.cycle.snapshots.count() == 1


def test_a_locked_database_queues_the_publication_again_with_the_cycle_still_being_published(
    transactional_db: Any,
    bureau: Any,
    client: Any,
    worker_backend: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    publish(client, bureau)
    publication = Publication.objects.get()

    def locked(cycle: Any) -> Any:
        raise OperationalError("database is locked")

    with monkeypatch.context() as patched:
        patched.setattr("kaohe.results.publishing.computed_whole", locked)
        with pytest.raises(OperationalError):
            make_publication.call(publication.pk)

    publication.refresh_from_db()
    bureau.cycle.refresh_from_db()
    assert publication.status == Publication.Status.QUEUED and publication.status_word == "发布中"
    assert bureau.cycle.status == "publishing"
    assert not AuditEntry.objects.filter(action=Action.PUBLICATION_FAILED).exists()

    run_worker()  # the task worker's next try publishes
    bureau.cycle.refresh_from_db()
    assert bureau.cycle.status == "published" and bureau.cycle.snapshots.count() == 1


def test_a_second_run_of_a_publication_another_run_finished_leaves_it_published(
    transactional_db: Any,
    bureau: Any,
    client: Any,
    worker_backend: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Queued again while it ran (the office's 重新排队, a worker restarted): the run that
    finishes second finds the cycle published by the other and leaves both alone."""
    publish(client, bureau)
    publication = Publication.objects.get()
    computed_whole = publishing.computed_whole
    runs = []

    def another_run_finishes_meanwhile(cycle: Any) -> Any:
        runs.append(cycle)
        if len(runs) == 1:
            make_publication.call(publication.pk)  # the other run, from start to end
        return computed_whole(cycle)

    monkeypatch.setattr(publishing, "computed_whole", another_run_finishes_meanwhile)
    make_publication.call(publication.pk)

    publication.refresh_from_db()
    bureau.cycle.refresh_from_db()
    assert len(runs) == 2
    assert bureau.cycle.status == "published" and bureau.cycle.snapshots.count() == 1
    assert publication.status == Publication.Status.DONE and publication.status_word == "已发布"
    assert publication.problems == []
    assert not AuditEntry.objects.filter(action=Action.PUBLICATION_FAILED).exists()
