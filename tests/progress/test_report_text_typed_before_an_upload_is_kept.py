"""A reporter types the report, then chooses a file and presses 上传 without pressing 保存
first: the text is saved with the upload instead of being lost."""

import datetime
import re

import pytest

from kaohe.accounts.roles import Role
from kaohe.progress.models import Evidence
from tests.progress.conftest import pdf


@pytest.fixture
def draft(cycle, at, report):
    at(datetime.date(2025, 2, 5))
    return report("市财政局", "1.1", "2025-01", files=0, submit=False)


def test_the_file_and_its_upload_button_belong_to_the_reports_form(draft, login):
    page = login(Role.REPORTER).get(f"/progress/submissions/{draft.pk}/").content.decode()

    form = re.search(r'<form [^>]*id="progress-report"[^>]*>(.*?)</form>', page, re.S)
    assert form and 'name="content"' in form.group(1) and 'name="version"' in form.group(1)
    assert re.search(r'<input type="file" name="file"[^>]*form="progress-report"', page)
    upload = f'form="progress-report" formaction="/progress/submissions/{draft.pk}/upload/"'
    assert upload in page


def test_text_typed_before_an_upload_is_saved_with_it(draft, login):
    client = login(Role.REPORTER)

    page = client.post(
        f"/progress/submissions/{draft.pk}/upload/",
        {"content": "二月已完成验收。", "version": draft.version, "file": pdf("验收单.pdf")},
        follow=True,
    ).content.decode()

    draft.refresh_from_db()
    assert draft.content == "二月已完成验收。"
    assert Evidence.objects.get(submission=draft).original_name == "验收单.pdf"
    assert "已上传「验收单.pdf」" in page and "二月已完成验收。" in page


def test_the_text_is_kept_even_when_the_file_is_refused(draft, login):
    client = login(Role.REPORTER)
    client.post(
        f"/progress/submissions/{draft.pk}/upload/",
        {"content": "二月已完成验收。", "version": draft.version},
    )
    draft.refresh_from_db()
    assert draft.content == "二月已完成验收。"
    assert not Evidence.objects.filter(submission=draft).exists()


def test_an_unchanged_text_is_not_saved_again(draft, login):
    login(Role.REPORTER).post(
        f"/progress/submissions/{draft.pk}/upload/",
        {"content": draft.content, "version": draft.version, "file": pdf("验收单.pdf")},
    )
    before = draft.version
    draft.refresh_from_db()
    assert draft.version == before
