"""Issue 16: a button that locks, publishes, archives, deletes or disables asks first
(data-confirm, web/static/kaohe/confirm.js); answering 「取消」 sends nothing."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kaohe.accounts.models import User
from kaohe.accounts.roles import Role
from kaohe.cycles.models import Cycle
from kaohe.schemes import actions
from kaohe.schemes.models import Scheme, SchemeVersion
from kaohe.transfer.importers import import_document
from tests.browser.conftest import log_in
from tests.conftest import DEMO_TEST_PASSWORD, new_person

pytestmark = pytest.mark.browser


def test_locking_a_cycle_asks_first_and_a_no_leaves_it_open(page, live_server, zhangjiagang):
    log_in(page, live_server.url, "zjg_office", DEMO_TEST_PASSWORD)
    page.goto(f"{live_server.url}{reverse('results:ranking', args=[zhangjiagang.cycle.pk])}")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))

    page.get_by_role("button", name="锁定考核记录").click()

    assert asked and "确定锁定吗" in asked[0]
    expect(page.locator("#cycle-status")).to_have_text("进行中")
    assert Cycle.objects.get(pk=zhangjiagang.cycle.pk).status == Cycle.Status.OPEN
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="锁定考核记录").click()
    expect(page.get_by_role("button", name="解除锁定")).to_be_visible()
    assert Cycle.objects.get(pk=zhangjiagang.cycle.pk).status == Cycle.Status.LOCKED


def test_disabling_a_user_asks_first(page, live_server, zhangjiagang):
    new_person("zjg_sysadmin", zhangjiagang.office_unit, Role.SYSTEM_ADMIN)
    log_in(page, live_server.url, "zjg_sysadmin", DEMO_TEST_PASSWORD)
    page.goto(f"{live_server.url}{reverse('accounts:users')}")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    row = page.locator("tr", has_text="zjg_bgs")

    row.get_by_role("button", name="停用").click()

    assert asked and "不能再登录。确定停用吗" in asked[0]
    assert User.objects.get(username="zjg_bgs").is_active


def test_publishing_a_scheme_draft_asks_first_and_a_no_leaves_it_a_draft(page, live_server, org):
    text = "一、阵地服务（40分）\n每月开放不少于20天，每少一天扣1分。\n"
    imported = import_document("细则.txt", text.encode())
    draft = actions.create_draft_scheme(None, imported.scheme, Scheme.Source.IMPORTED)
    log_in(page, live_server.url, "u_office", DEMO_TEST_PASSWORD)
    page.goto(live_server.url + reverse("schemes:editor", args=[draft.scheme.slug, draft.number]))
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))

    page.get_by_role("button", name="发布此版本").click()

    assert asked and "不能再修改" in asked[0]
    draft.refresh_from_db()
    assert draft.status == SchemeVersion.Status.DRAFT
