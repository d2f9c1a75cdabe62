import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from kaohe.accounts.roles import Role
from kaohe.evaluations import actions
from kaohe.evaluations.access import rated_units
from kaohe.evaluations.actions import DimensionLine
from kaohe.evaluations.models import Evaluation, EvaluatorGroup
from tests.evaluations.conftest import GRADE, group_values, open_now, window

ALL_SECTIONS = {"办公室", "党建科", "督查科", "审批协调科", "人事教育科", "咨询指导科"}


def group_of(found: Any, scope: str, **more: Any) -> EvaluatorGroup:
    evaluation = actions.create_evaluation(
        found.office, found.cycle, name=f"测评{scope}", **window()
    )
    return actions.set_group(
        found.office,
        evaluation,
        group_values("分管领导", "班子测评", "分管领导", scope=scope),
        [DimensionLine("工作作风", GRADE)],
        **more,
    )


def labels(units: Any) -> set[str]:
    return {unit.label for unit in units}


def test_a_leader_rates_the_units_they_lead(leadership: Any) -> None:
    group = group_of(leadership, EvaluatorGroup.Scope.LED)
    assert labels(rated_units(group, leadership.deputies[0])) == ALL_SECTIONS  # the bureau's
    outsider = leadership.person("zjg_other_leader", leadership.outsider_unit, Role.DEPUTY_LEADER)
    assert labels(rated_units(group, outsider)) == set()


def test_staff_rate_the_other_units_of_their_own_branch(leadership: Any) -> None:
    group = group_of(leadership, EvaluatorGroup.Scope.BRANCH)
    assert labels(rated_units(group, leadership.reporter)) == ALL_SECTIONS - {"党建科"}


def test_a_list_names_the_units_rated(leadership: Any) -> None:
    units = [leadership.units["党建科"], leadership.units["督查科"]]
    group = group_of(leadership, EvaluatorGroup.Scope.LIST, units=units)
    assert labels(rated_units(group)) == {"党建科", "督查科"}


def test_codes_cannot_serve_a_group_that_rates_by_who_the_evaluator_is(leadership: Any) -> None:
    group = group_of(leadership, EvaluatorGroup.Scope.LED)
    actions.open_evaluation(leadership.office, group.evaluation)
    with pytest.raises(ValidationError, match="只能由有账户的评议人填写"):
        actions.issue_codes(leadership.office, group, 5)


def test_a_code_votes_only_between_opening_and_closing(leadership_review: Any) -> None:
    found = leadership_review
    open_now(found, found.evaluation)
    [code] = actions.issue_codes(found.office, found.principal_group, 1)
    Evaluation.objects.filter(pk=found.evaluation.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    response = Client().get(f"/evaluations/v/{code}/")

    assert response.status_code == 403 and "测评当前不接受填写" in response.content.decode()
