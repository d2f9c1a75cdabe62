"""Fixtures: 张家港's open quarter (tests/conftest.py) with its leadership, and a 班子测评
(seed 004: every member of the leadership rates every section, 主要领导 : 分管领导 = 5 : 5)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from kaohe.accounts.roles import Role
from kaohe.evaluations import actions
from kaohe.evaluations.actions import DimensionLine
from kaohe.evaluations.models import Evaluation, EvaluatorGroup

SCORE = EvaluatorGroup.Marking.SCORE
GRADE = EvaluatorGroup.Marking.GRADE


def window() -> dict[str, Any]:
    now = timezone.now()
    return {
        "opens_at": now - datetime.timedelta(hours=1),
        "closes_at": now + datetime.timedelta(days=3),
    }


def group_values(name: str, node_path: str, scheme_group: str, **more: Any) -> dict[str, Any]:
    return {"name": name, "node_path": node_path, "scheme_group": scheme_group, **more}


@pytest.fixture
def leadership(zhangjiagang: Any, django_capture_on_commit_callbacks: Any) -> Any:
    """The bureau's 主要领导 and three 分管领导, and a committer that runs on-commit hooks."""
    found = zhangjiagang
    found.principal = found.person("zjg_zyld", found.bureau, Role.PRINCIPAL_LEADER)
    found.deputies = [
        found.person(f"zjg_fgld{n}", found.bureau, Role.DEPUTY_LEADER) for n in range(1, 4)
    ]

    def commit(step: Any, *args: Any, **kwargs: Any) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return step(*args, **kwargs)

    found.commit = commit
    return found


@pytest.fixture
def leadership_review(leadership: Any) -> Any:
    """班子测评 with two groups of named evaluators scoring every section 0–100."""
    found = leadership
    evaluation = actions.create_evaluation(
        found.office, found.cycle, name="二季度班子测评", **window()
    )
    found.evaluation = evaluation
    found.principal_group = actions.set_group(
        found.office,
        evaluation,
        group_values("主要领导", "班子测评", "主要领导", marking=SCORE),
        [DimensionLine("综合评价", SCORE)],
        members=[found.principal],
    )
    found.deputy_group = actions.set_group(
        found.office,
        evaluation,
        group_values("分管领导", "班子测评", "分管领导", marking=SCORE),
        [DimensionLine("综合评价", SCORE)],
        members=found.deputies,
    )
    return found


def scores_for(group: EvaluatorGroup, user: Any, by_label: dict[str, str]) -> dict[str, str]:
    """The POST of a ballot giving each named unit its score on every dimension."""
    form = actions.form_for(group, user)
    return {
        f"m-{unit.pk}-{dimension.pk}": by_label[unit.label]
        for unit in form.units
        for dimension in form.dimensions
        if unit.label in by_label
    }


def open_now(found: Any, evaluation: Evaluation) -> Evaluation:
    return actions.open_evaluation(found.office, evaluation)
