"""The report's text and its file input share one form (the text comes with an upload), yet 保存
needs no file and 上传 needs no text: neither button is held back by the other's field."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from kaohe.progress.models import Evidence
from tests.browser.conftest import log_in
from tests.conftest import DEMO_TEST_PASSWORD
from tests.progress.conftest import cycle, report

__all__ = ["cycle", "report"]

pytestmark = pytest.mark.browser


def test_save_needs_no_file_and_upload_needs_no_text(
    page: Any, live_server: Any, report: Any, tmp_path: Any
) -> None:
    draft = report("市财政局", "1.1", "2025-02", files=0, submit=False)
    log_in(page, live_server.url, "u_reporter", DEMO_TEST_PASSWORD)
    page.goto(f"{live_server.url}/progress/submissions/{draft.pk}/")

    page.get_by_label("进展情况").fill("二月完成台账整理。")
    page.get_by_role("button", name="保存", exact=True).click()
    expect(page.get_by_role("alert").first).to_contain_text("已保存")
    draft.refresh_from_db()
    assert draft.content == "二月完成台账整理。"

    page.get_by_label("进展情况").fill("")
    scan = tmp_path / "台账.pdf"
    scan.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.locator("input[type=file]").set_input_files(scan)
    page.get_by_role("button", name="上传").click()
    expect(page.get_by_test_id("evidence")).to_contain_text("台账.pdf")
    assert Evidence.objects.filter(submission=draft).count() == 1
