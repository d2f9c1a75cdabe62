"""A scheme that sets no 等次 (seed 004's): the ranking and the leader's dashboard say 「未设等次」
in the 等次 column rather than leave it blank, so nobody reads a blank as a grade withheld.
Found by session 11's walk as the 考核办 and the 分管领导."""

from typing import Any

from django.urls import reverse


def test_the_ranking_and_the_dashboard_say_no_grades_are_set(bureau: Any, client: Any) -> None:
    bureau.record("党建科", "1.2", "st1", "2", note="6月迟到两人次")

    client.force_login(bureau.office)
    ranking = client.get(reverse("results:ranking", args=[bureau.cycle.pk])).content.decode()
    row = ranking[ranking.index('data-unit="党建科"') :].split("</tr>")[0]
    assert "<td>未设等次</td>" in row

    client.force_login(bureau.deputy)
    dashboard = client.get(reverse("results:dashboard")).content.decode()
    row = dashboard[dashboard.index('data-unit="党建科"') :].split("</tr>")[0]
    assert "<td>未设等次</td>" in row
