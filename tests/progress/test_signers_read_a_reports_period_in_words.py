"""A 分管领导 and an assessing unit read a report's period as the reporter does (「2025年1月」),
in their task list and in the message that asks them to sign; never the stored key 「2025-01」.
Found by session 11's walk: the leader's 待我签批 showed 「2020-Q2」."""

import datetime

from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.progress.models import Notification


def test_the_leader_reads_the_period_in_words(client, cycle, at, report):
    at(datetime.date(2025, 2, 5))
    report("市财政局", "1.1", "2025-01")
    deputy = cycle.users[Role.DEPUTY_LEADER]

    client.force_login(deputy)
    page = client.get(reverse("progress:tasks")).content.decode()
    queue = page.split('data-testid="queue"')[1].split("</table>")[0]
    assert "<td>2025年1月</td>" in queue and "2025-01" not in queue
    told = Notification.objects.get(user=deputy, text__contains="待您审核").text
    assert "2025年1月" in told and "2025-01" not in told
