"""Reminders: the daily command and the board's 提醒 button notify the unit's 填报人 in-app and by
e-mail; the top bar can show the unread count; a user sees only their own notifications."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.test import RequestFactory

from kaohe.accounts.roles import Role
from kaohe.progress.context import notifications
from kaohe.progress.models import Notification
from kaohe.progress.notify import notify


def test_the_daily_run_reminds_units_with_reports_due_or_overdue(
    cycle, at, report, capsys, django_capture_on_commit_callbacks
):
    at(datetime.date(2025, 2, 6))  # January due Friday 7 February
    report("市财政局", "1.1", "2025-01")
    report("市财政局", "1.2", "2025-01")
    reporter = cycle.other_reporter
    reporter.email = "tbr@jyj.example.gov.cn"
    reporter.save(update_fields=["email"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_progress_reminders")
    told = Notification.objects.filter(text__startswith="提醒")
    assert [n.user for n in told] == [reporter]  # 市财政局 has sent everything due
    assert "即将到期 1 项" in told[0].text and "教育督导" in told[0].text
    assert mail.outbox[0].to == ["tbr@jyj.example.gov.cn"]
    assert "已提醒 1 个单位；已重新计算 1 个考核周期的写实考核" in capsys.readouterr().out


def test_the_office_reminds_one_unit_from_the_board(cycle, at, login):
    at(datetime.date(2025, 3, 3))
    client = login(Role.OFFICE)
    unit = cycle.units["市财政局"]
    page = client.post(f"/progress/boards/{cycle.pk}/remind/{unit.pk}/", follow=True)
    assert "已提醒「市财政局」的填报人" in page.content.decode()
    told = Notification.objects.get(user=cycle.users[Role.REPORTER])
    assert "逾期未报 2 项" in told.text


def test_the_unread_count_is_there_for_the_top_bar(cycle, login):
    reporter = cycle.users[Role.REPORTER]
    notify([reporter, reporter], "测试消息", "/progress/tasks/")
    request = RequestFactory().get("/")
    request.user = reporter
    assert notifications(request)["unread_notifications"] == 1


def test_opening_a_notification_marks_it_read_and_follows_its_link(cycle, login):
    reporter = cycle.users[Role.REPORTER]
    (mine,) = notify([reporter], "测试消息", "/progress/tasks/")
    response = login(Role.REPORTER).post(f"/progress/notifications/{mine.pk}/open/")
    assert response.url == "/progress/tasks/"
    mine.refresh_from_db()
    assert mine.read_at is not None


def test_nobody_opens_another_users_notification(cycle, login):
    (theirs,) = notify([cycle.other_reporter], "别人的消息", "/progress/tasks/")
    client = login(Role.REPORTER)
    assert client.post(f"/progress/notifications/{theirs.pk}/open/").status_code == 404
    assert "别人的消息" not in client.get("/progress/notifications/").content.decode()


def test_a_link_to_another_site_is_not_followed(cycle, login):
    (mine,) = notify([cycle.users[Role.REPORTER]], "外链", "https://evil.example.com/")
    response = login(Role.REPORTER).post(f"/progress/notifications/{mine.pk}/open/")
    assert response.url == "/progress/notifications/"
