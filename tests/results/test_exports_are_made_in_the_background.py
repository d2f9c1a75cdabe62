"""Issue 14 item 8: an export or a 通报 is never made in the request. Asking for it answers at
once with a page that says 生成中 and refreshes itself; the background job makes the same file
the page's numbers show; the file is its asker's alone (403 for anyone else), 404 once it is
gone, and removed a day after it was asked for."""

from datetime import timedelta
from io import BytesIO
from typing import Any
from urllib.parse import quote

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry
from kaohe.cycles.facts import cycle_scheme
from kaohe.downloads.models import Download
from kaohe.results.exports import ranking_workbook
from kaohe.results.live import live_result
from kaohe.results.presentation import section_names
from tests.conftest import new_person
from tests.downloaded import ask_for, downloaded


def run_worker() -> None:
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)


def values(content: bytes) -> list[list[Any]]:
    sheet = load_workbook(BytesIO(content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]


def ranking_url(found: Any) -> str:
    return reverse("results:export_ranking", args=[found.graded_cycle.pk])


@pytest.fixture
def ranked(graded: Any) -> Any:
    graded.graded_record("办公室", "late", "3")
    graded.graded_record("党建科", "award", "2")
    graded.graded_record("督查科", "veto")
    return graded


def test_with_a_worker_asking_for_the_ranking_returns_before_the_file_is_made(
    transactional_db: Any, ranked: Any, client: Any, worker_backend: None
) -> None:
    client.force_login(ranked.office)

    page = client.post(ranking_url(ranked), follow=True)

    download = Download.objects.get()
    assert download.status == Download.Status.QUEUED and not download.stored_name
    text = page.content.decode()
    assert "排队中…" in text and "本页每秒自动刷新" in text
    assert f'hx-get="{reverse("downloads:page", args=[download.pk])}"' in text
    assert client.get(reverse("downloads:file", args=[download.pk])).status_code == 404

    run_worker()

    polled = client.get(reverse("downloads:page", args=[download.pk]), HTTP_HX_REQUEST="true")
    assert "下载文件" in polled.content.decode() and "hx-get" not in polled.content.decode()
    rows = values(client.get(reverse("downloads:file", args=[download.pk])).content)
    assert [1, "党建科", 100, 2, 0, 102, "优秀", None] in rows


def test_the_job_makes_the_workbook_the_request_used_to_make(ranked: Any, client: Any) -> None:
    client.force_login(ranked.office)
    cycle = ranked.graded_cycle
    sections = section_names(cycle_scheme(cycle))
    title = f"{cycle}考核结果排名表"

    made = downloaded(client, ranking_url(ranked))

    before = ranking_workbook(title, "", live_result(cycle).summary, sections)
    assert values(made.content)[1:] == values(before)[1:]  # the subtitle says when it was made
    assert quote(f"{title}.xlsx") in made["Content-Disposition"]


def test_nobody_else_sees_the_page_or_the_file(ranked: Any, client: Any) -> None:
    client.force_login(ranked.office)
    download = ask_for(client, ranking_url(ranked))
    colleague = new_person("zjg_kb2", ranked.office_unit, Role.OFFICE)
    for person in (colleague, ranked.reporter):
        client.force_login(person)
        assert client.get(reverse("downloads:page", args=[download.pk])).status_code == 403
        assert client.get(reverse("downloads:file", args=[download.pk])).status_code == 403


def test_a_file_that_is_gone_answers_not_found(ranked: Any, client: Any) -> None:
    client.force_login(ranked.office)
    download = ask_for(client, ranking_url(ranked))
    default_storage.delete(download.stored_name)

    assert client.get(reverse("downloads:file", args=[download.pk])).status_code == 404
    assert client.get(reverse("downloads:file", args=[download.pk + 99])).status_code == 404


def test_a_download_is_removed_a_day_after_it_was_asked_for(ranked: Any, client: Any) -> None:
    client.force_login(ranked.office)
    old = ask_for(client, ranking_url(ranked))
    Download.objects.filter(pk=old.pk).update(
        created_at=old.created_at - timedelta(days=1, minutes=1)
    )

    ask_for(client, ranking_url(ranked))

    assert not Download.objects.filter(pk=old.pk).exists()
    assert not default_storage.exists(old.stored_name)
    assert client.get(reverse("downloads:file", args=[old.pk])).status_code == 404


def test_asking_for_the_pdf_only_queues_its_conversion(
    announced: Any, client: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    def converted_in_the_request(*args: Any, **kwargs: Any) -> bytes:
        raise AssertionError("the PDF was converted in the request")

    monkeypatch.setattr("kaohe.results.downloads.docx_to_pdf", converted_in_the_request)
    client.force_login(announced.office)
    cycle = announced.graded_cycle

    started = client.post(reverse("results:bulletin_pdf", args=[cycle.pk]))

    download = Download.objects.get()
    assert started["Location"] == reverse("downloads:page", args=[download.pk])
    assert download.status == Download.Status.QUEUED
    assert download.params == {"cycle": cycle.pk, "snapshot": "1"}


def test_the_export_keeps_the_publication_the_page_showed(published: Any, client: Any) -> None:
    client.force_login(published.office)
    url = reverse("results:export_ranking", args=[published.cycle.pk])

    assert ask_for(client, url).params["snapshot"] == "1"
    assert ask_for(client, url, {"snapshot": "live"}).params["snapshot"] == "live"
    assert client.post(url, query_params={"snapshot": "7"}).status_code == 404


def test_the_file_sent_and_every_refusal_are_in_the_audit_log(ranked: Any, client: Any) -> None:
    client.force_login(ranked.office)
    download = ask_for(client, ranking_url(ranked))
    client.get(reverse("downloads:file", args=[download.pk]))

    sent = AuditEntry.objects.get(action=Action.FILE_DOWNLOADED)
    assert sent.actor == ranked.office and sent.new == {"文件": download.filename}
    client.force_login(ranked.reporter)
    client.get(reverse("downloads:file", args=[download.pk]))
    refused = AuditEntry.objects.get(action=Action.ACCESS_DENIED)
    assert refused.actor == ranked.reporter
    assert refused.object_repr == reverse("downloads:file", args=[download.pk])


def test_a_job_that_breaks_says_so_in_chinese_on_its_page(
    ranked: Any, client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise RuntimeError("disk full")

    monkeypatch.setattr("kaohe.results.downloads.ranking_workbook", broken)
    client.force_login(ranked.office)

    page = client.post(ranking_url(ranked), follow=True).content.decode()

    assert Download.objects.get().status == Download.Status.FAILED
    assert "未能生成文件：生成文件时发生内部错误，请稍后重试或联系系统管理员" in page
    assert "disk full" not in page and "hx-get" not in page
