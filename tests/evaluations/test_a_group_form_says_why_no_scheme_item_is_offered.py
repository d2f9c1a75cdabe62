"""A cycle whose scheme has no evaluation item (测评 rule) has nowhere to count a group's ballots:
the group form says so and what to do, instead of an empty list and 「这个字段是必填项」."""

from typing import Any

from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.evaluations import actions
from tests.evaluations.conftest import window
from tests.progress.conftest import cycle

__all__ = ["cycle"]


def test_the_group_form_explains_a_scheme_without_an_evaluation_item(cycle: Any, client) -> None:
    office = cycle.users[Role.OFFICE]
    evaluation = actions.create_evaluation(office, cycle, name="年度评议", **window())
    client.force_login(office)
    url = reverse("evaluations:group_new", args=[evaluation.pk])

    page = client.post(url, {"name": "班子", "scope": "all", "dimensions": "工作作风"})

    assert "方案中没有测评类指标" in page.content.decode()
    assert "新增「测评」规则" in page.content.decode()
    assert not evaluation.groups.exists()
