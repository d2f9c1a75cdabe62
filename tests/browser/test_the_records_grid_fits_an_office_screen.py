"""The records grid on an office's 1280 px screen and on a 390 px phone: a saved row's last
fields and buttons (说明, 保存, 删除, 材料) stay inside the grid's box, so nobody scrolls sideways
to save a row."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.conftest import DEMO_TEST_PASSWORD

pytestmark = pytest.mark.browser

OUTSIDE_THE_BOX = """(selector) => {
  const box = document.querySelector('.records-grid').closest('.table-responsive');
  const right = box.getBoundingClientRect().right;
  return [...document.querySelectorAll(selector)]
    .filter((element) => element.getBoundingClientRect().right > right + 1)
    .map((element) => element.name || element.innerText);
}"""


@pytest.mark.parametrize("width,height", [(1280, 800), (390, 844)])
def test_a_saved_rows_note_and_buttons_are_in_sight_on_an_office_screen_and_a_phone(
    browser: Any, live_server: Any, zhangjiagang: Any, width: int, height: int
) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": height})
    page = context.new_page()
    log_in(page, live_server.url, "zjg_bgs", DEMO_TEST_PASSWORD)
    page.goto(f"{live_server.url}{reverse('cycles:records', args=[zhangjiagang.cycle.pk])}")
    form = page.get_by_role("form", name="为党建科新增记录")
    form.get_by_label("规则").select_option(value="kt1")
    form.locator("input[name=count]").fill("2")
    form.locator("input[name=date]").fill("2020-05-20")
    form.locator("input[name=note]").fill("两项重点任务滞后")
    form.locator("input[name=note]").press("Enter")
    expect(page.get_by_text("已为「党建科」新增记录")).to_be_visible()

    row = "form.record-row"
    assert page.evaluate(OUTSIDE_THE_BOX, f"{row} input, {row} select, {row} .btn") == []
    box = page.locator(".table-responsive").filter(has=page.locator(".records-grid"))
    assert box.evaluate("(element) => element.scrollWidth - element.clientWidth") <= 0
    context.close()
