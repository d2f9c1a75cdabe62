from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kaohe.audit.models import Action, AuditEntry
from kaohe.evaluations import actions
from kaohe.evaluations.actions import DimensionLine
from kaohe.evaluations.models import Evaluation
from tests.evaluations.conftest import GRADE, group_values, window


def test_the_office_starts_an_evaluation_and_its_groups_from_chinese_forms(
    leadership: Any, client: Any
) -> None:
    client.force_login(leadership.office)
    page = client.get(reverse("evaluations:new", args=[leadership.cycle.pk])).content.decode()
    assert "有效人数要求" in page and "去掉一个最高分和一个最低分" in page
    assert "满意度测评不满意" in page  # the 「不满意」 rule of seed 004 is offered
    # …and never a bonus: each 「不满意」 would then add points to the unit rated.
    assert "受表彰" not in page and "信息录用" not in page

    response = client.post(
        reverse("evaluations:new", args=[leadership.cycle.pk]),
        {
            "name": "二季度班子测评",
            "round": "",
            "opens_at": "2026-01-01T08:00",
            "closes_at": "2026-01-05T18:00",
            "quorum_percent": "50",
            "void_blank": "on",
            "void_over_issued": "on",
            "deduction": "日常考核 › 纪律规范情况#dc5",
        },
    )
    evaluation = Evaluation.objects.get()
    assert response.status_code == 302
    assert evaluation.deduction_rule_id == "dc5"

    form_url = reverse("evaluations:group_new", args=[evaluation.pk])
    page = client.get(form_url).content.decode()
    assert "班子测评 · 主要领导（占 50%）" in page
    response = client.post(
        form_url,
        {
            "name": "主要领导",
            "item_group": "班子测评#主要领导",
            "scope": "all",
            "marking": "grade",
            "dimensions": "工作作风\n办事效率/打分",
            "satisfied_points": "100",
            "fairly_points": "60",
            "unsatisfied_points": "0",
            "members": [leadership.principal.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()
    group = evaluation.groups.get()
    assert [(d.name, d.by_grade) for d in group.dimensions.all()] == [
        ("工作作风", True),
        ("办事效率", False),
    ]
    assert AuditEntry.objects.filter(action=Action.EVALUATOR_GROUP_SET).count() == 1
    assert AuditEntry.objects.filter(action=Action.EVALUATION_CREATED).count() == 1


def test_a_group_must_feed_a_group_the_scheme_weighs(leadership: Any) -> None:
    evaluation = actions.create_evaluation(
        leadership.office, leadership.cycle, name="测评", **window()
    )
    with pytest.raises(ValidationError, match="评议组只有（主要领导、分管领导），没有「群众」"):
        actions.set_group(
            leadership.office,
            evaluation,
            group_values("群众", "班子测评", "群众"),
            [DimensionLine("满意度", GRADE)],
        )
    with pytest.raises(ValidationError, match="不是方案中的测评类指标"):
        actions.set_group(
            leadership.office,
            evaluation,
            group_values("主要领导", "日常考核", "主要领导"),
            [DimensionLine("满意度", GRADE)],
        )


def test_a_dimension_line_with_an_unknown_marking_is_named(leadership: Any, client: Any) -> None:
    client.force_login(leadership.office)
    evaluation = actions.create_evaluation(
        leadership.office, leadership.cycle, name="测评", **window()
    )
    response = client.post(
        reverse("evaluations:group_new", args=[evaluation.pk]),
        {
            "name": "主要领导",
            "item_group": "班子测评#主要领导",
            "scope": "all",
            "marking": "grade",
            "dimensions": "工作作风/评星",
            "satisfied_points": "100",
            "fairly_points": "60",
            "unsatisfied_points": "0",
        },
    )
    assert (
        "第 1 行：计分方式应为「等次」或「打分」（填写的是「评星」）" in response.content.decode()
    )
    assert not evaluation.groups.exists()


def test_only_the_office_sets_up_evaluations(leadership: Any, client: Any) -> None:
    with pytest.raises(PermissionDenied):
        actions.create_evaluation(leadership.inspector, leadership.cycle, name="测评", **window())
    client.force_login(leadership.inspector)
    assert client.get(reverse("evaluations:new", args=[leadership.cycle.pk])).status_code == 403


def test_the_settings_are_frozen_once_the_real_run_opens(leadership_review: Any) -> None:
    found = leadership_review
    actions.open_evaluation(found.office, found.evaluation)
    with pytest.raises(ValidationError, match="进行中，设置不可再改"):
        actions.change_evaluation(found.office, found.evaluation, drop_extremes=True)


def test_administrators_are_never_offered_or_accepted_as_named_evaluators(
    leadership: Any, client: Any
) -> None:
    from kaohe.accounts.roles import Role

    keeper = leadership.person("zjg_sysadmin", leadership.office_unit, Role.SYSTEM_ADMIN)
    keeper.full_name = "系统管理员甲"
    keeper.save()
    client.force_login(leadership.office)
    evaluation = actions.create_evaluation(
        leadership.office, leadership.cycle, name="测评", **window()
    )
    form_url = reverse("evaluations:group_new", args=[evaluation.pk])

    assert "系统管理员甲" not in client.get(form_url).content.decode()
    response = client.post(
        form_url,
        {
            "name": "主要领导",
            "item_group": "班子测评#主要领导",
            "scope": "all",
            "marking": "grade",
            "dimensions": "工作作风",
            "satisfied_points": "100",
            "fairly_points": "60",
            "unsatisfied_points": "0",
            "members": [keeper.pk],
        },
    )
    assert response.status_code == 200 and not evaluation.groups.exists()
