"""Seed 004's 班子测评 through the browser: the office prints slips with QR codes for the
分管领导 on site, each scans into the phone page (390 px, one section a screen, saved on the
phone as they go) and votes once; the 主要领导 votes from the home page; the office closes,
counts, and the ranking shows the sections' totals with the 5 : 5 weighting."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from docx import Document
from playwright.sync_api import expect

from kaohe.evaluations import actions
from kaohe.evaluations.actions import DimensionLine
from tests.browser.conftest import log_in
from tests.conftest import DEMO_TEST_PASSWORD
from tests.evaluations.conftest import SCORE, group_values, window

pytestmark = pytest.mark.browser

SECTIONS = ["办公室", "党建科", "督查科", "审批协调科", "人事教育科", "咨询指导科"]
DEPUTY_SCORES = [
    {"党建科": "80", "办公室": "70"},
    {"党建科": "70", "办公室": "70"},
    {"党建科": "90", "办公室": "70"},
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def on_site_review(leadership: Any) -> Any:
    found = leadership
    found.evaluation = actions.create_evaluation(
        found.office, found.cycle, name="二季度班子测评", **window()
    )
    actions.set_group(
        found.office,
        found.evaluation,
        group_values("主要领导", "班子测评", "主要领导", marking=SCORE),
        [DimensionLine("综合评价", SCORE)],
        members=[found.principal],
    )
    found.deputy_group = actions.set_group(
        found.office,
        found.evaluation,
        group_values("分管领导", "班子测评", "分管领导", marking=SCORE),
        [DimensionLine("综合评价", SCORE)],
    )
    actions.open_evaluation(found.office, found.evaluation)
    return found


def printed_codes(page: Any, base: str, found: Any) -> list[str]:
    page.goto(f"{base}/evaluations/{found.evaluation.pk}/")
    slips = page.locator("section[data-group='分管领导'] form[action$='/codes/']")
    slips.get_by_label("打印测评票（二维码）").fill("3")
    with page.expect_download() as download:
        slips.get_by_role("button", name="生成并下载").click()
    document = Document(io.BytesIO(download.value.path().read_bytes()))
    text = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    return [
        code.replace("-", "") for code in re.findall(r"测评码：([A-Z0-9]{5}-[A-Z0-9]{5})", text)
    ]


def vote_on_the_phone(phone: Any, scores: dict[str, str]) -> None:
    """One section a screen; the scores given, the others left blank (不了解)."""
    for number, section in enumerate(SECTIONS, 1):
        expect(phone.locator("#progress-text")).to_have_text(f"{number} / {len(SECTIONS)}")
        expect(phone.get_by_role("heading", name=section)).to_be_visible()
        if section in scores:
            phone.get_by_label(f"{section} 综合评价").fill(scores[section])
        if number < len(SECTIONS):
            phone.get_by_role("button", name="下一个").click()
    phone.get_by_role("button", name="提交").click()
    expect(phone.locator("#thanks")).to_be_visible()


def test_printed_codes_to_phone_votes_to_the_ranking(
    browser: Any, page: Any, live_server: Any, on_site_review: Any
) -> None:
    found, base = on_site_review, live_server.url
    log_in(page, base, found.office.username, DEMO_TEST_PASSWORD)
    codes = printed_codes(page, base, found)
    assert len(codes) == 3

    phone_context = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True)
    phone = phone_context.new_page()
    phone.set_default_timeout(15_000)
    # The first deputy starts, the phone reloads: what was typed is still there.
    phone.goto(f"{base}/evaluations/v/{codes[0]}/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.get_by_label("办公室 综合评价").fill("70")
    phone.reload()
    expect(phone.get_by_label("办公室 综合评价")).to_have_value("70")
    phone.goto(f"{base}/evaluations/v/{codes[0]}/")
    vote_on_the_phone(phone, DEPUTY_SCORES[0])
    for code, scores in zip(codes[1:], DEPUTY_SCORES[1:], strict=True):
        phone.goto(f"{base}/evaluations/v/{code}/")
        vote_on_the_phone(phone, scores)
    phone.goto(f"{base}/evaluations/v/{codes[0]}/")  # a code votes once
    expect(phone.locator("#closed-reason")).to_have_text("该测评码无效或已经使用过")
    phone_context.close()

    page.get_by_role("button", name="退出登录").click()
    log_in(page, base, found.principal.username, DEMO_TEST_PASSWORD)
    page.get_by_role("link", name="二季度班子测评 · 主要领导").click()
    vote_on_the_phone(page, {"党建科": "90", "办公室": "70"})

    page.goto(f"{base}/")
    page.get_by_role("button", name="退出登录").click()
    log_in(page, base, found.office.username, DEMO_TEST_PASSWORD)
    page.goto(f"{base}/evaluations/{found.evaluation.pk}/")
    expect(page.locator("#live-counts tr[data-group='分管领导']")).to_contain_text("3")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="结束测评").click()
    page.get_by_role("button", name="计票").click()
    expect(page.locator("#evaluation-status")).to_have_text("已计票")

    page.goto(f"{base}/results/{found.cycle.pk}/")
    # 党建科: (90 × 0.5 + 80 × 0.5) ÷ 100 × 10 = 8.5 on 90 日常考核; 办公室: 70 → 7.
    party = page.locator("#ranking tr[data-unit='党建科']")
    expect(party).to_contain_text("8.50")
    expect(party).to_contain_text("98.50")
    expect(page.locator("#ranking tr[data-unit='办公室']")).to_contain_text("97.00")
