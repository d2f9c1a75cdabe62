"""With KAOHE_TASKS=worker, saving a record queues the recompute in the database; the page
shows the last result and says a change is being counted, until `manage.py db_worker` runs it."""

from typing import Any

from django.core.management import call_command
from django.urls import reverse

from kaohe.results.models import LiveResult


def unit_page(client: Any, bureau: Any) -> str:
    unit = bureau.units["党建科"]
    return client.get(reverse("results:unit", args=[bureau.cycle.pk, unit.pk])).content.decode()


def test_a_saved_record_waits_for_the_worker_and_the_page_says_so(
    transactional_db: Any, bureau: Any, client: Any, worker_backend: None
) -> None:
    # Committed data, as the worker sees it in production: the worker closes the database
    # connection when it is done, which a test kept inside one transaction would not survive.
    client.force_login(bureau.reporter)
    assert "人员管理情况" in unit_page(client, bureau)  # the first look computes the cycle

    bureau.record("党建科", "1.2", "st1", "3", note="迟到三人次")

    waiting = unit_page(client, bureau)
    assert 'id="result-pending"' in waiting
    assert "13.5" not in waiting  # still the last computed score (15)
    assert LiveResult.objects.get(cycle=bureau.cycle).pending

    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    counted = unit_page(client, bureau)
    assert "13.5" in counted  # 人员管理情况 15 − 3 × 0.5
    assert 'id="result-pending"' not in counted
    assert not LiveResult.objects.get(cycle=bureau.cycle).pending


def test_without_a_worker_the_change_is_counted_in_the_saving_request(
    bureau: Any, client: Any
) -> None:
    client.force_login(bureau.reporter)
    bureau.record("党建科", "1.2", "st1", "3")

    page = unit_page(client, bureau)

    assert "13.5" in page and 'id="result-pending"' not in page
