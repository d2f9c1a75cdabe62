"""The records grid saves a row where it stands (htmx): the page is not loaded again, a refused
row says why beside it, deleting asks first, and the count above the grid follows."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kaohe.cycles.models import Record
from tests.browser.conftest import log_in
from tests.conftest import DEMO_TEST_PASSWORD

pytestmark = pytest.mark.browser


def test_a_row_is_saved_in_place_and_a_deletion_asks_first(page, live_server, zhangjiagang):
    log_in(page, live_server.url, "zjg_bgs", DEMO_TEST_PASSWORD)
    page.goto(f"{live_server.url}{reverse('cycles:records', args=[zhangjiagang.cycle.pk])}")
    page.evaluate("window.notReloaded = true")
    count = page.get_by_test_id("records-count")
    expect(count).to_have_text("共 0 条记录")

    form = page.get_by_role("form", name="为党建科新增记录")
    form.get_by_label("规则").select_option(value="kt1")
    form.locator("input[name=count]").fill("2")
    form.locator("input[name=note]").fill("两项重点任务滞后")
    form.locator("input[name=note]").press("Enter")
    expect(page.get_by_text("已为「党建科」新增记录")).to_be_visible()
    expect(count).to_have_text("共 1 条记录")

    page.get_by_role("form", name="为督查科新增记录").locator("input[name=note]").press("Enter")
    expect(page.get_by_text("未保存：这是一条空记录").first).to_be_visible()
    expect(count).to_have_text("共 1 条记录")  # a refused row adds nothing
    assert page.evaluate("window.notReloaded") is True

    record = Record.objects.get()
    row = page.locator(f"#record-{record.pk}")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    row.get_by_role("button", name="删除").click()
    expect(row).to_be_visible()
    assert asked and "确定删除「党建科」的这条记录吗" in asked[0]
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="删除").click()
    expect(page.get_by_text("记录已删除")).to_be_visible()
    expect(count).to_have_text("共 0 条记录")
    assert not Record.objects.exists()
    assert page.evaluate("window.notReloaded") is True
