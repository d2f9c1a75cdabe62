"""`make run` starts `manage.py task_worker` beside gunicorn, both with KAOHE_TASKS=worker. Every
long job a page starts — a scheme document read into a draft, a recompute, a publication, an
export — is queued by the request and run by that worker, the same one in production as here
(issue 14 item 8)."""

from typing import Any

from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from kaohe.downloads.models import Download
from kaohe.imports.models import ImportJob
from kaohe.results import actions
from kaohe.results.models import LiveResult, Publication

PASTED = "一、组织领导（20分）\n1.责任落实（10分）：未按时报送工作计划的，每次扣1分。\n"


def queue_one_of_each(client: Any, bureau: Any) -> None:
    cycle = bureau.cycle.pk
    client.post(reverse("schemes:import"), {"text": PASTED})
    client.post(reverse("results:recompute", args=[cycle]))
    client.post(reverse("results:export_ranking", args=[cycle]))
    bureau.commit(actions.lock_cycle, bureau.office, bureau.cycle)
    bureau.commit(client.post, reverse("results:publish", args=[cycle]))


def test_each_page_only_queues_its_job_and_the_task_worker_runs_them_all(
    transactional_db: Any, bureau: Any, client: Any, worker_backend: None
) -> None:
    client.force_login(bureau.office)

    queue_one_of_each(client, bureau)

    assert DBTaskResult.objects.filter(status="READY").count() == 4
    assert ImportJob.objects.get().status == ImportJob.Status.QUEUED
    assert LiveResult.objects.get(cycle=bureau.cycle).pending
    assert Download.objects.get().status == Download.Status.QUEUED
    assert Publication.objects.get().status == Publication.Status.RUNNING

    call_command("task_worker", batch=True, startup_delay=False, verbosity=0)

    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert ImportJob.objects.get().status == ImportJob.Status.DONE
    assert not LiveResult.objects.get(cycle=bureau.cycle).pending
    assert Download.objects.get().status == Download.Status.DONE
    bureau.cycle.refresh_from_db()
    assert bureau.cycle.status == "published" and bureau.cycle.snapshots.count() == 1
