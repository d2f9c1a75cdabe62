"""The scheme editor in a browser at 1366 px: no horizontal scrolling, the formula checked as it
is typed, a flag settled by keyboard."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kaohe.schemes import actions
from kaohe.schemes.models import Scheme
from kaohe.transfer.importers import import_file
from tests.browser.conftest import log_in
from tests.conftest import DEMO_TEST_PASSWORD

pytestmark = pytest.mark.browser
SEEDS = Path(__file__).resolve().parents[1] / "data" / "import" / "seeds"
SEED = SEEDS / "004_9200afdbdf37f4f4.txt"


def scrolls_sideways(page):
    root = "document.documentElement"
    return page.evaluate(f"{root}.scrollWidth > {root}.clientWidth")


def test_the_editor_fits_1366_px_checks_the_formula_and_settles_a_flag(page, live_server, org):
    imported = import_file(SEED)
    draft = actions.create_draft_scheme(None, imported.scheme, Scheme.Source.IMPORTED)
    url = live_server.url + reverse("schemes:editor", args=[draft.scheme.slug, draft.number])
    log_in(page, live_server.url, "u_office", DEMO_TEST_PASSWORD)
    page.goto(url)
    assert not scrolls_sideways(page)
    formula = page.get_by_label("总分公式")
    formula.fill("日常考核 + 班子考评")
    expect(page.locator("#formula-check")).to_contain_text("第 8 个字符处")
    page.goto(url + "?node=1.4")
    assert not scrolls_sideways(page)
    flag = page.locator("#flags .flag").filter(has_text="前三名").first
    flag.get_by_role("button", name="采用：按录入数值从高到低排名").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert").first).to_contain_text("已保存")


def test_the_editor_tree_indents_a_child_under_its_parent(page, live_server, org):
    """The page's security policy drops style attributes, so the indentation is a class."""
    imported = import_file(SEED)
    draft = actions.create_draft_scheme(None, imported.scheme, Scheme.Source.IMPORTED)
    url = live_server.url + reverse("schemes:editor", args=[draft.scheme.slug, draft.number])
    log_in(page, live_server.url, "u_office", DEMO_TEST_PASSWORD)
    page.goto(url)
    parent = page.locator("#tree a[href='?node=1#node'] .text-break")
    child = page.locator("#tree a[href='?node=1.1#node'] .text-break")
    assert child.bounding_box()["x"] >= parent.bounding_box()["x"] + 10
