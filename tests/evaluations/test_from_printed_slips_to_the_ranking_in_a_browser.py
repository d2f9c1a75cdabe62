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


def refused_then_mended(phone: Any) -> None:
    """A score out of range is refused, naming the section and the dimension, and nothing is
    lost: the voter goes back, mends it, and submits again (vote_on_the_phone)."""
    phone.get_by_label("办公室 综合评价").fill("101")
    for _ in SECTIONS[1:]:
        phone.get_by_role("button", name="下一个").click()
    phone.get_by_role("button", name="提交").click()
    problems = phone.locator("#ballot-problems")
    expect(problems).to_contain_text("「办公室」的「综合评价」应为 0 到 100 的分数")
    for _ in SECTIONS[1:]:
        phone.get_by_role("button", name="上一个").click()
    expect(phone.get_by_label("办公室 综合评价")).to_have_value("101")


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
    refused_then_mended(phone)
    with phone.expect_response(lambda r: r.request.method == "POST") as posted:
        vote_on_the_phone(phone, DEPUTY_SCORES[0])
    sent = posted.value.request
    assert sent.headers["content-type"] == "application/json"
    assert sent.headers["x-csrftoken"] and "csrfmiddlewaretoken" not in (sent.post_data or "")
    assert posted.value.status == 204 and phone.evaluate("window.localStorage.length") == 0
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


def slips_of(page: Any, group: str, size: int) -> list[str]:
    slips = page.locator(f"section[data-group='{group}'] form[action$='/codes/']")
    slips.get_by_label("打印测评票（二维码）").fill(str(size))
    with page.expect_download() as download:
        slips.get_by_role("button", name="生成并下载").click()
    document = Document(io.BytesIO(download.value.path().read_bytes()))
    text = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    return [
        code.replace("-", "") for code in re.findall(r"测评码：([A-Z0-9]{5}-[A-Z0-9]{5})", text)
    ]


def links_by_email(page: Any, group: str, addresses: list[str]) -> list[str]:
    from django.core import mail

    sending = page.locator(f"section[data-group='{group}'] form[action$='/send/']")
    sending.get_by_label("发送链接").select_option("email")
    sending.get_by_label("收件人（每行一个，不保存）").fill("\n".join(addresses))
    sending.get_by_role("button", name="发送").click()
    expect(page.get_by_text(f"已通过电子邮件链接发送 {len(addresses)} 个测评链接")).to_be_visible()
    return [re.findall(r"http://\S+/evaluations/v/\w+/", m.body)[0] for m in mail.outbox]


def grade_on_the_phone(phone: Any, grades: dict[str, str]) -> None:
    """Two bureaus, a screen each: the big grade buttons, then submit."""
    for number, (bureau, grade) in enumerate(grades.items(), 1):
        screen = phone.locator(".ballot-screen.current")
        expect(screen.get_by_role("heading", name=bureau)).to_be_visible()
        expect(phone.locator("#progress-text")).to_have_text(f"{number} / {len(grades)}")
        screen.get_by_text(grade, exact=True).click()
        if number < len(grades):
            phone.get_by_role("button", name="下一个").click()
    phone.get_by_role("button", name="提交").click()
    expect(phone.locator("#thanks")).to_be_visible()


def test_seed_002s_public_review_from_slips_and_links_to_the_ranking(
    browser: Any, page: Any, live_server: Any, sanming: Any
) -> None:
    found, base = sanming, live_server.url
    actions.open_evaluation(found.office, found.evaluation)
    log_in(page, base, found.office.username, DEMO_TEST_PASSWORD)
    page.goto(f"{base}/evaluations/{found.evaluation.pk}/")
    slips = slips_of(page, "问卷调查", 2)
    links = links_by_email(page, "网络测评", ["a@example.cn", "b@example.cn"])

    phone_context = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True)
    phone = phone_context.new_page()
    for code, grade in zip(slips, ("满意", "基本满意"), strict=True):
        phone.goto(f"{base}/evaluations/v/{code}/")
        grade_on_the_phone(
            phone, {"永安市退役军人事务局": grade, "沙县区退役军人事务局": "基本满意"}
        )
    for link, grade in zip(links, ("满意", "不满意"), strict=True):
        phone.goto(link.replace("http://127.0.0.1:8000", base))
        grade_on_the_phone(phone, {"永安市退役军人事务局": grade, "沙县区退役军人事务局": "满意"})
    phone_context.close()

    page.goto(f"{base}/evaluations/{found.evaluation.pk}/")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="结束测评").click()
    page.get_by_role("button", name="计票").click()
    expect(page.locator("#evaluation-status")).to_have_text("已计票")

    page.goto(f"{base}/results/{found.cycle.pk}/")
    headers = page.locator("#ranking thead th").all_inner_texts()
    column = headers.index("公众评议")
    cells = {
        bureau: page.locator(f"#ranking tr[data-unit='{bureau}'] td").all_inner_texts()
        for bureau in ("永安市退役军人事务局", "沙县区退役军人事务局")
    }
    # 永安: 问卷 (100 + 60) ÷ 2 = 80, 网络 (100 + 0) ÷ 2 = 50 → 80 × 0.6 + 50 × 0.4 = 68;
    # 沙县: 问卷 60, 网络 100 → 36 + 40 = 76. The formula takes 0.15 of it: totals 1.20 apart.
    assert cells["永安市退役军人事务局"][column] == "68.00"
    assert cells["沙县区退役军人事务局"][column] == "76.00"
    total = headers.index("总分")
    yongan, shaxian = (float(cells[b][total]) for b in cells)
    assert round(shaxian - yongan, 2) == 1.20
