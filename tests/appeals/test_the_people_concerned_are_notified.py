from typing import Any

from kaohe.appeals import actions
from kaohe.progress.models import Notification
from tests.appeals.helpers import fresh


def texts(user: Any) -> list[str]:
    return list(Notification.objects.filter(user=user).values_list("text", flat=True))


def test_publication_reaches_every_assessed_unit_and_the_leaders_above(published: Any) -> None:
    expected = "「2020年第二季度科室绩效考核」考核结果已公示，申诉截止 2020-07-09"

    assert expected in texts(published.reporter)
    assert expected in texts(published.deputy)
    assert expected not in texts(published.outsider)


def test_an_appeal_reaches_the_office_and_the_decision_reaches_the_unit(published: Any) -> None:
    appeal = actions.file_appeal(
        published.reporter,
        fresh(published.units["党建科"]),
        "理由",
        record_id=published.lateness.pk,
    )
    assert "党建科提出申诉：人员管理情况" in texts(published.office)
    assert "党建科提出申诉：人员管理情况" not in texts(published.inspector)

    actions.decide_appeal(published.office, appeal.pk, False, "属实")

    assert "您对「人员管理情况」的申诉已答复：申诉不成立" in texts(published.reporter)
