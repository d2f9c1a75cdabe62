"""The office's 「重新计算」 button queues the whole cycle for the worker when one runs tasks
(a province-sized cycle must not hold up the request), and counts at once otherwise."""

from typing import Any

from django.core.management import call_command
from django.urls import reverse

from kaohe.results.models import LiveResult


def press(client: Any, bureau: Any) -> str:
    url = reverse("results:recompute", args=[bureau.cycle.pk])
    return client.post(url, follow=True).content.decode()


def test_with_a_worker_the_button_queues_the_cycle_and_says_so(
    transactional_db: Any, bureau: Any, client: Any, worker_backend: None
) -> None:
    client.force_login(bureau.office)

    page = press(client, bureau)

    assert "已提交重新计算，正在后台进行" in page
    live = LiveResult.objects.get(cycle=bureau.cycle)
    assert live.pending and live.revision == 0  # nothing counted in the request
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    live.refresh_from_db()
    assert not live.pending and live.revision == 1
    assert {unit["unit"] for unit in live.data["units"]} >= {"党建科", "审批协调科"}


def test_without_a_worker_the_button_counts_at_once(bureau: Any, client: Any) -> None:
    client.force_login(bureau.office)

    page = press(client, bureau)

    assert "已重新计算" in page and "正在后台进行" not in page
    assert not LiveResult.objects.get(cycle=bureau.cycle).pending


def test_the_pending_note_polls_and_reloads_the_page_once_the_worker_has_counted(
    transactional_db: Any, bureau: Any, client: Any, worker_backend: None
) -> None:
    client.force_login(bureau.office)
    press(client, bureau)
    progress = reverse("results:recompute_progress", args=[bureau.cycle.pk])

    page = client.get(reverse("results:ranking", args=[bureau.cycle.pk])).content.decode()
    assert "刚提交的更改正在后台重新计算" in page and "算完后本页自动刷新" in page
    assert f'hx-get="{progress}"' in page
    assert client.get(progress).status_code == 204  # still counting: the page stays

    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    assert client.get(progress)["HX-Refresh"] == "true"
    page = client.get(reverse("results:ranking", args=[bureau.cycle.pk])).content.decode()
    assert "刚提交的更改正在后台重新计算" not in page


def test_only_people_with_results_in_the_cycle_may_poll_it(bureau: Any, client: Any) -> None:
    progress = reverse("results:recompute_progress", args=[bureau.cycle.pk])
    client.force_login(bureau.reporter)
    assert client.get(progress).status_code == 200

    client.force_login(bureau.outsider)
    assert client.get(progress).status_code == 404
