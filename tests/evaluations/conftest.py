"""Fixtures: 张家港's open quarter (tests/conftest.py) with its leadership, and a 班子测评
(seed 004: every member of the leadership rates every section, 主要领导 : 分管领导 = 5 : 5)."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from kaohe.accounts.roles import Role
from kaohe.evaluations import actions
from kaohe.evaluations.actions import DimensionLine
from kaohe.evaluations.models import Evaluation, EvaluatorGroup
from kaohe.evaluations.paper import paper_template

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


def filled(group: Any, rows: list[list[Any]]) -> bytes:
    book = load_workbook(io.BytesIO(paper_template(group)))
    sheet = book["纸质票"]
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def open_now(found: Any, evaluation: Evaluation) -> Evaluation:
    return actions.open_evaluation(found.office, evaluation)


@pytest.fixture
def sanming(db: Any, django_capture_on_commit_callbacks: Any) -> Any:
    """三明 (seed 002): two county bureaus in an open year and its office, with 公众评议
    (问卷调查 60% on printed slips + 网络测评 40% by links), both by grade."""
    from kaohe.accounts import actions as org_actions
    from kaohe.accounts.models import Unit
    from kaohe.cycles import actions as cycle_actions
    from kaohe.schemes.actions import install_builtin_schemes
    from kaohe.schemes.models import SchemeVersion
    from tests.conftest import new_person

    class City:
        pass

    found = City()
    install_builtin_schemes()
    city = org_actions.create_unit(None, name="三明市", kind=Unit.Kind.REGION)
    office_unit = org_actions.create_unit(None, name="效能办", parent=city, kind=Unit.Kind.OFFICE)
    bureaus = [
        org_actions.create_unit(None, name=name, parent=city)
        for name in ("永安市退役军人事务局", "沙县区退役军人事务局")
    ]
    found.office = new_person("sm_office", office_unit, Role.OFFICE)
    found.cycle = cycle_actions.open_cycle(
        found.office,
        cycle_actions.CyclePlan(
            name="2025年度绩效考评",
            version=SchemeVersion.objects.get(scheme__slug="sanming-veterans", number=1),
            period="year",
            starts_on=datetime.date(2025, 1, 1),
            ends_on=datetime.date(2025, 12, 31),
            units=[cycle_actions.UnitEntry(unit) for unit in bureaus],
        ),
    )
    found.units = {cu.label: cu for cu in found.cycle.cycle_units.all()}
    found.evaluation = actions.create_evaluation(
        found.office, found.cycle, name="2025年公众评议", **window()
    )
    found.survey = actions.set_group(
        found.office,
        found.evaluation,
        group_values("问卷调查", "公众评议", "问卷调查"),
        [DimensionLine("满意度", GRADE)],
    )
    found.online = actions.set_group(
        found.office,
        found.evaluation,
        group_values("网络测评", "公众评议", "网络测评"),
        [DimensionLine("满意度", GRADE)],
    )

    def commit(step: Any, *args: Any, **kwargs: Any) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return step(*args, **kwargs)

    found.commit = commit
    return found
