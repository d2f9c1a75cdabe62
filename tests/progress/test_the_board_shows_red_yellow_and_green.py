"""The 考核办's board: a traffic light per unit, task and period, the worst one per row.

Today is Monday 2025-03-03. January's reports were due Friday 2025-02-07 (春节 moved it),
February's are due Wednesday 2025-03-05, March's on 2025-04-03.
"""

import datetime

import pytest

from kaohe.accounts.roles import Role
from kaohe.progress.views.board import board_rows

TODAY = datetime.date(2025, 3, 3)


@pytest.fixture
def today(cycle, at):
    at(TODAY)


def cell(cycle, label, code, period):
    rows, _ = board_rows(cycle)
    row = next(
        r for r in rows if r["cycle_unit"].label == label and r["assignment"].node_code == code
    )
    found = next(c for c in row["periods"] if c["due"].period.key == period)
    return found["light"].colour, found["light"].text


def test_a_report_not_submitted_after_its_deadline_is_red(cycle, today):
    assert cell(cycle, "市教育局", "1.3", "2025-01") == ("red", "逾期未报")


def test_a_report_due_within_three_working_days_is_yellow(cycle, today):
    assert cell(cycle, "市教育局", "1.3", "2025-02") == ("yellow", "即将到期")


def test_a_report_not_yet_due_is_grey(cycle, today):
    assert cell(cycle, "市教育局", "1.3", "2025-03") == ("grey", "未到期")


def test_a_report_submitted_before_its_deadline_is_green(cycle, today, report):
    report("市教育局", "1.3", "2025-02")
    assert cell(cycle, "市教育局", "1.3", "2025-02") == ("green", "待分管领导审核")


def test_an_accepted_report_is_green(cycle, at, report, sign):
    at(datetime.date(2025, 2, 6))
    submission = report("市财政局", "1.2", "2025-01")
    for role in (Role.DEPUTY_LEADER, Role.PRINCIPAL_LEADER, Role.OFFICE):
        sign(cycle.users[role], submission)
    at(TODAY)
    assert cell(cycle, "市财政局", "1.2", "2025-01") == ("green", "已验收")


def test_a_late_report_waiting_in_sign_off_is_yellow(cycle, today, report):
    report("市教育局", "1.3", "2025-01")
    assert cell(cycle, "市教育局", "1.3", "2025-01") == ("yellow", "逾期报送，待分管领导审核")


def test_a_report_sent_back_is_red(cycle, today, report, sign):
    sign(cycle.other_deputy, report("市教育局", "1.3", "2025-02"), "内容不实")
    assert cell(cycle, "市教育局", "1.3", "2025-02") == ("red", "已退回")


def test_the_row_takes_its_worst_period_and_the_page_shows_it(cycle, today, report, login):
    report("市教育局", "1.3", "2025-02")
    page = login(Role.OFFICE).get(f"/progress/boards/{cycle.pk}/").content.decode()
    assert page.count('data-colour="red"') == 3  # every task has January overdue
    assert "红 3" in page


def test_the_board_reads_a_constant_number_of_queries(
    cycle, today, report, login, django_assert_max_num_queries
):
    client = login(Role.OFFICE)
    with django_assert_max_num_queries(20) as few:
        client.get(f"/progress/boards/{cycle.pk}/")
    for period in ("2025-01", "2025-02", "2025-03"):
        report("市财政局", "1.1", period)
        report("市教育局", "1.3", period)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/progress/boards/{cycle.pk}/")


@pytest.mark.parametrize("role", [Role.REPORTER, Role.DEPUTY_LEADER, Role.ASSESSOR])
def test_only_the_office_sees_the_board(cycle, today, login, role):
    assert login(role).get(f"/progress/boards/{cycle.pk}/").status_code == 403
