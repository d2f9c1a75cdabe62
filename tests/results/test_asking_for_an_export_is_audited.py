"""The request that asks for an export or a 通报 is audited when it queues the file: who asked,
for which file, of which cycle and which results — before any worker has made it, and not when
the request is refused (the refusal has its own entry)."""

from typing import Any

import pytest
from django.urls import reverse

from kaohe.audit.models import Action, AuditEntry


@pytest.fixture
def queued(settings: Any) -> None:
    """KAOHE_TASKS=worker as far as a request can tell: the file is queued, not made."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_asking_for_the_ranking_is_audited_with_the_cycle_and_the_results(
    graded: Any, client: Any, queued: None
) -> None:
    client.force_login(graded.office)
    cycle = graded.graded_cycle

    client.post(reverse("results:export_ranking", args=[cycle.pk]))

    asked = AuditEntry.objects.get(action=Action.FILE_REQUESTED)
    assert asked.actor == graded.office
    assert (asked.object_type, asked.object_id) == ("考核周期", str(cycle.pk))
    assert asked.new == {"文件": f"{cycle}考核结果排名表", "结果": "实时结果"}
    assert not AuditEntry.objects.filter(action=Action.FILE_DOWNLOADED).exists()


def test_asking_for_the_bulletin_names_the_publication_it_is_made_from(
    announced: Any, client: Any, queued: None
) -> None:
    client.force_login(announced.office)
    cycle = announced.graded_cycle

    client.post(reverse("results:bulletin_pdf", args=[cycle.pk]))

    asked = AuditEntry.objects.get(action=Action.FILE_REQUESTED)
    assert asked.object_id == str(cycle.pk)
    assert asked.new == {"文件": f"关于{cycle.name}结果的通报（PDF）", "结果": "第 1 次公示"}


def test_a_refused_request_is_audited_as_refused_and_queues_nothing(
    graded: Any, client: Any, queued: None
) -> None:
    client.force_login(graded.reporter)

    refused = client.post(reverse("results:export_ranking", args=[graded.graded_cycle.pk]))

    assert refused.status_code == 403
    assert AuditEntry.objects.filter(action=Action.ACCESS_DENIED, actor=graded.reporter).exists()
    assert not AuditEntry.objects.filter(action=Action.FILE_REQUESTED).exists()
