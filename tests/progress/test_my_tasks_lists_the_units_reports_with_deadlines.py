"""我的任务: the reporter's unit's reports due so far, with deadlines, status and a way in."""

import datetime

from kaohe.accounts.roles import Role
from kaohe.progress.models import Submission
from kaohe.workdays.models import Holiday


def test_my_tasks_lists_the_units_reports_with_deadlines(cycle, at, login, report):
    at(datetime.date(2025, 3, 3))
    report("市财政局", "1.1", "2025-02")
    page = login(Role.REPORTER).get("/progress/tasks/").content.decode()
    assert "信息化建设" in page and "预算管理" in page
    assert "教育督导" not in page  # 市教育局's task
    assert "2025-02-07" in page and "2025-03-05" in page
    assert "逾期未报" in page and "即将到期" in page and "待分管领导审核" in page
    assert "2025年3月" in page and "2025年4月" not in page  # April has not begun


def test_a_deadline_in_a_year_without_holidays_warns(cycle, at, login):
    cycle.ends_on = datetime.date(2027, 12, 31)
    cycle.save(update_fields=["ends_on"])
    at(datetime.date(2027, 1, 4))
    page = login(Role.REPORTER).get("/progress/tasks/").content.decode()
    assert "2027 年的法定节假日尚未录入" in page
    Holiday.objects.create(date=datetime.date(2027, 1, 1), name="元旦")
    page = login(Role.REPORTER).get("/progress/tasks/").content.decode()
    assert "2027 年的法定节假日尚未录入" not in page


def test_the_assessor_sees_the_reports_of_the_tasks_it_assesses(cycle, at, report, client):
    at(datetime.date(2025, 3, 3))
    report("市财政局", "1.1", "2025-02")
    report("市财政局", "1.2", "2025-02")
    client.force_login(cycle.task_assessor)
    page = client.get("/progress/tasks/").content.decode()
    assert "信息化建设" in page and "预算管理" not in page


def test_my_tasks_reads_a_constant_number_of_queries(
    cycle, at, login, report, django_assert_max_num_queries
):
    at(datetime.date(2025, 6, 3))
    client = login(Role.REPORTER)
    with django_assert_max_num_queries(30) as few:
        client.get("/progress/tasks/")
    for period in ("2025-01", "2025-02", "2025-03", "2025-04"):
        report("市财政局", "1.1", period)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/progress/tasks/")
    assert Submission.objects.count() == 4
