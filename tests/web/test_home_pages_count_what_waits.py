"""The home page (工作台) counts from live data what waits for each role, each count a link to
the work; when nothing waits it says what to do next — never text that data has made wrong."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse

from kaohe.accounts.models import User
from kaohe.accounts.roles import Role
from kaohe.appeals import actions as appeal_actions
from kaohe.audit.log import Action, log_change
from tests.appeals.helpers import fresh
from tests.progress.conftest import at, cycle, report, sign
from tests.results.conftest import bureau, published

__all__ = ["at", "bureau", "cycle", "published", "report", "sign"]


def home(client: Any, user: Any) -> str:
    client.force_login(user)
    return client.get(reverse("home")).content.decode()


def test_the_office_without_a_cycle_is_told_to_open_one(login: Any) -> None:
    page = login(Role.OFFICE).get(reverse("home")).content.decode()
    assert "还没有考核周期" in page
    assert f'href="{reverse("cycles:new")}"' in page


def test_with_a_cycle_open_the_office_reads_it_and_its_next_deadline(
    cycle: Any, at: Any, login: Any
) -> None:
    at(datetime.date(2025, 3, 3))  # a Monday; February's reports are due Wednesday 03-05
    page = login(Role.OFFICE).get(reverse("home")).content.decode()
    assert "还没有考核周期" not in page
    assert "进行中的周期" in page and "1 个" in page
    assert "下一个报送截止 2025-03-05，还有 2 个工作日" in page
    assert f'href="{reverse("progress:boards")}"' in page


def test_the_reporter_counts_the_reports_to_send_and_the_nearest_deadline(
    cycle: Any, at: Any, login: Any, report: Any
) -> None:
    at(datetime.date(2025, 3, 3))
    report("市财政局", "1.1", "2025-01")  # two tasks × three months begun, one sent
    page = login(Role.REPORTER).get(reverse("home")).content.decode()
    assert "暂无待报送的任务" not in page
    assert "待报送的进度报告" in page and "5 项" in page
    assert "其中已逾期" in page and "1 项" in page  # 预算管理, January
    assert "最近一份截止 2025-03-05，还有 2 个工作日" in page
    assert f'href="{reverse("progress:tasks")}"' in page


def test_a_report_sent_back_waits_for_the_reporter_in_red(
    cycle: Any, at: Any, login: Any, report: Any, sign: Any
) -> None:
    at(datetime.date(2025, 3, 3))
    submission = report("市财政局", "1.1", "2025-02")
    sign(cycle.users[Role.DEPUTY_LEADER], submission, "缺少二月的会议纪要")
    page = login(Role.REPORTER).get(reverse("home")).content.decode()
    assert "被退回、待修改后重新报送" in page
    assert "text-bg-danger" in page


def test_a_report_waits_for_each_signer_in_turn_then_for_the_office(
    cycle: Any, at: Any, report: Any, sign: Any, client: Any
) -> None:
    at(datetime.date(2025, 3, 3))
    submission = report("市财政局", "1.1", "2025-02")
    deputy, principal = cycle.users[Role.DEPUTY_LEADER], cycle.users[Role.PRINCIPAL_LEADER]
    assert "待您签批的进度报送" in home(client, deputy)
    assert "暂无待您审定的材料" in home(client, principal)

    sign(deputy, submission)
    assert "待您签批的进度报送" not in home(client, deputy)
    assert "待您签批的进度报送" in home(client, principal)

    sign(principal, submission)
    assert "待验收的进度报送" in home(client, cycle.users[Role.OFFICE])


def test_the_assessor_sees_the_indicators_it_records_in_each_open_cycle(
    cycle: Any, at: Any, client: Any
) -> None:
    at(datetime.date(2025, 3, 3))
    page = home(client, cycle.task_assessor)  # 市教育局 assesses 信息化建设
    assert "「2025年度考核」由本单位考评的指标" in page
    assert "已录入 0 条考核记录" in page
    assert f'href="{reverse("cycles:records", args=[cycle.pk])}"' in page
    nobody_assigned = home(client, cycle.users[Role.ASSESSOR])  # 市财政局 assesses nothing
    assert "暂无进行中的考评任务" in nobody_assigned


def test_an_appeal_waits_for_the_office_and_the_unit_sees_its_window(
    published: Any, client: Any
) -> None:
    appeal_actions.file_appeal(
        published.reporter,
        fresh(published.units["党建科"]),
        "迟到系交通管制",
        record_id=published.lateness.pk,
    )
    office = home(client, published.office)
    assert "「2020年第二季度科室绩效考核」待答复的申诉" in office
    assert reverse("appeals:list", args=[published.cycle.pk]) in office

    unit = home(client, published.reporter)
    assert "结果公示中" in unit
    assert "申诉截止 2020-07-09，还有 3 个工作日" in unit
    assert "已提出、待答复的申诉" in unit


def test_the_evaluator_is_told_where_ballots_will_appear(login: Any) -> None:
    page = login(Role.EVALUATOR).get(reverse("home")).content.decode()
    assert "待您填写的测评表会列在这里" in page


def test_the_system_administrator_sees_accounts_without_a_unit(org: Any, login: Any) -> None:
    client = login(Role.SYSTEM_ADMIN)
    assert "未分配单位的账户" not in client.get(reverse("home")).content.decode()
    User.objects.create_user(username="stray", password="x", full_name="无单位者")
    page = client.get(reverse("home")).content.decode()
    assert "未分配单位的账户" in page and "1 个" in page


def test_the_security_administrator_sees_accounts_without_roles(org: Any, login: Any) -> None:
    User.objects.create_user(username="norole", password="x", unit=org.department)
    page = login(Role.SECURITY_ADMIN).get(reverse("home")).content.decode()
    assert "尚未授予角色的账户" in page


def test_the_audit_administrator_sees_todays_failed_logins(org: Any, login: Any) -> None:
    log_change(None, Action.LOGIN_FAILED, org.users[Role.REPORTER], new={"用户名": "u_reporter"})
    page = login(Role.AUDIT_ADMIN).get(reverse("home")).content.decode()
    assert "今天的登录失败" in page and "1 次" in page
    assert f"?action={Action.LOGIN_FAILED.value}" in page


@pytest.mark.parametrize(
    "role",
    [Role.OFFICE, Role.REPORTER, Role.DEPUTY_LEADER, Role.PRINCIPAL_LEADER, Role.ASSESSOR],
)
def test_a_home_page_reads_as_many_queries_with_more_reports(
    cycle: Any, at: Any, report: Any, client: Any, role: str, django_assert_max_num_queries: Any
) -> None:
    at(datetime.date(2025, 6, 3))
    user = cycle.task_assessor if role == Role.ASSESSOR else cycle.users[role]
    client.force_login(user)
    report("市财政局", "1.1", "2025-01")
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("home"))
    for period in ("2025-02", "2025-03", "2025-04", "2025-05"):
        report("市财政局", "1.1", period)
        report("市财政局", "1.2", period)
        report("市教育局", "1.3", period)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("home"))
