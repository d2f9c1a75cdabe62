"""Issue 12's clerk, in a browser, never touching YAML: import the seed 004 document, settle every
flag in the to-do list, rename a rule, move an item, try a record on the bench, publish; then a
record entered against the named rule shows the name in the unit's explanation."""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kaohe.cycles import actions as cycle_actions
from kaohe.schemes.models import SchemeVersion
from tests.browser.conftest import log_in
from tests.conftest import DEMO_TEST_PASSWORD

pytestmark = pytest.mark.browser
SEED = (
    Path(__file__).resolve().parents[1] / "data" / "import" / "seeds" / "004_9200afdbdf37f4f4.txt"
)
NAME = "工作时间从事无关行为"
SCROLLS_SIDEWAYS = "document.documentElement.scrollWidth > document.documentElement.clientWidth"


def settle_every_flag(page):
    flags = page.locator("#flags .flag")
    while flags.count():
        button = flags.first.get_by_role("button").first
        if button.get_attribute("data-confirm"):
            page.once("dialog", lambda dialog: dialog.accept())
        button.click()
        expect(page.get_by_role("alert").first).to_contain_text("已保存")


def rename_the_first_rule(page, item):
    page.locator("#tree").get_by_role("link", name=item).click()
    rule = page.locator("#rule-0")
    rule.get_by_text("修改规则").click()
    rule.get_by_label("规则名称").fill(NAME)
    rule.get_by_role("button", name="保存规则").click()
    expect(page.get_by_role("alert").first).to_contain_text("已保存")
    expect(page.locator("#rule-0")).to_contain_text(NAME)


def try_a_record(page):
    page.get_by_role("link", name="试算本项").click()
    row = page.locator("#sample-records .sample-record").first
    row.get_by_label("规则").select_option(label=f"{NAME}（按次计分）")
    row.get_by_label("次数").fill("2")
    assert not page.evaluate(SCROLLS_SIDEWAYS)
    page.get_by_role("button", name="试算").click()
    expect(page.locator("#trial-results")).to_contain_text(f"{NAME}：2 次 × 1 分")
    expect(page.locator("#trial-results")).to_contain_text("未保存")
    assert not page.evaluate(SCROLLS_SIDEWAYS)
    page.get_by_role("link", name="返回编辑").click()


def open_a_cycle(org, version):
    plan = cycle_actions.CyclePlan(
        name="2026年第一季度科室考核",
        version=version,
        period="quarter",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 3, 31),
        units=[cycle_actions.UnitEntry(org.section)],
    )
    return cycle_actions.open_cycle(org.users["office"], plan)


def test_a_clerk_corrects_an_imported_scheme_in_forms_and_the_rule_name_reaches_the_explanation(
    page, live_server, org
):
    log_in(page, live_server.url, "u_office", DEMO_TEST_PASSWORD)
    page.goto(live_server.url + reverse("schemes:new"))
    page.get_by_label("考核细则文件").set_input_files(SEED)
    page.get_by_role("button", name="导入并核对").click()
    expect(page.locator("#flags .flag")).not_to_have_count(0)

    settle_every_flag(page)
    rename_the_first_rule(page, "纪律规范情况")
    page.locator("#tree").get_by_role("link", name="公共管理情况").click()
    page.get_by_role("button", name="上移").click()
    expect(page.locator("#tree li").nth(6)).to_contain_text("1.4 公共管理情况")
    page.locator("#tree").get_by_role("link", name="纪律规范情况").click()
    try_a_record(page)
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="发布此版本").click()
    expect(page.get_by_role("alert").first).to_contain_text("已发布")
    assert "确定发布吗" in asked[0]

    version = SchemeVersion.objects.get(status=SchemeVersion.Status.PUBLISHED)
    assert "flagged" not in version.document
    cycle = open_a_cycle(org, version)
    page.goto(live_server.url + reverse("cycles:records", args=[cycle.pk]) + "?node=1.5")
    form = page.get_by_role("form", name="为办公室新增记录")
    form.get_by_label("规则").select_option(label=NAME)
    form.locator("input[name=count]").fill("1")
    form.locator("input[name=note]").press("Enter")
    expect(page.get_by_text("已为「办公室」新增记录")).to_be_visible()
    unit = cycle.cycle_units.get()
    page.goto(live_server.url + reverse("results:unit", args=[cycle.pk, unit.pk]))
    expect(page.get_by_text(f"{NAME}：1 次 × 1 分")).to_be_visible()
