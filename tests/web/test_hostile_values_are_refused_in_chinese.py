"""The values issue 15 found giving HTTP 500: each is now refused with a Chinese message naming
the field (or 404 for an id that names nothing), and nothing is changed."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kaohe.accounts.roles import Role

HUGE = "9" * 29


def as_role(users: dict[str, Any], role: str) -> Client:
    client = Client()
    client.force_login(users[role])
    return client


@pytest.mark.parametrize("cycle_unit", ["abc", HUGE, "-1", "1.5", ""])
def test_starting_a_report_for_a_unit_that_is_no_number_is_not_found(world, cycle_unit):
    users, ids = world
    response = as_role(users, Role.REPORTER).post(
        reverse("progress:start"),
        {"cycle_unit": cycle_unit, "assignment": ids["draft_task"], "period": "2020-Q2"},
    )
    assert response.status_code == 404


@pytest.mark.parametrize("assignment", ["abc", HUGE])
def test_starting_a_report_on_a_task_that_is_no_number_is_not_found(world, assignment):
    users, ids = world
    response = as_role(users, Role.REPORTER).post(
        reverse("progress:start"),
        {"cycle_unit": ids["open_unit"], "assignment": assignment, "period": "2020-Q2"},
    )
    assert response.status_code == 404


@pytest.mark.parametrize("template", ["abc", HUGE, "-1"])
def test_copying_a_template_that_is_no_number_names_the_template(world, template):
    from kaohe.schemes.models import Scheme

    users, _ = world
    before = Scheme.objects.count()
    response = as_role(users, Role.OFFICE).post(
        reverse("schemes:copy"), {"template": template}, follow=True
    )
    assert response.status_code == 200
    assert "模板：没有这个模板" in response.content.decode()
    assert Scheme.objects.count() == before


@pytest.mark.parametrize("version", ["abc", HUGE, "1e3"])
def test_deleting_a_record_with_a_version_that_is_no_number_names_the_version(world, version):
    from kaohe.cycles.models import Record

    users, ids = world
    response = as_role(users, Role.OFFICE).post(
        reverse("cycles:record_delete", args=[ids["open_cycle"], ids["record"]]),
        {"node": "3", "version": version},
        follow=True,
    )
    assert response.status_code == 200
    assert "未保存：版本号：" in response.content.decode()
    assert Record.objects.filter(pk=ids["record"]).exists()


def post_score(world: Any, score: str) -> str:
    from kaohe.cycles.models import Cycle, EvaluationEntry

    users, ids = world
    cycle = Cycle.objects.get(pk=ids["open_cycle"])
    cycle_unit = cycle.cycle_units.get(label="党建科")
    response = as_role(users, Role.OFFICE).post(
        reverse("results:evaluations", args=[cycle.pk]), {f"s-{cycle_unit.pk}-0-0": score}
    )
    assert response.status_code == 200
    assert not EvaluationEntry.objects.filter(cycle=cycle).exists()
    return response.content.decode()


def test_an_evaluation_score_that_is_no_number_is_named(world):
    assert "党建科「主要领导」不是数字：1,5" in post_score(world, "1,5")


@pytest.mark.parametrize("score", ["NaN", "sNaN", "Infinity", "-Infinity"])
def test_an_evaluation_score_that_is_no_finite_number_is_named(world, score):
    assert "党建科「主要领导」：测评得分应为 0 到 100 之间的数字" in post_score(world, score)


@pytest.mark.parametrize("score", ["1e999999", HUGE, "-1E-999999"])
def test_an_evaluation_score_out_of_range_is_named(world, score):
    assert "党建科「主要领导」：测评得分应在 0 到 100 之间" in post_score(world, score)


def test_a_new_unit_in_a_category_with_a_huge_id_names_the_category(world):
    from kaohe.accounts.models import Unit

    users, _ = world
    before = Unit.objects.count()
    response = as_role(users, Role.SYSTEM_ADMIN).post(
        reverse("accounts:new_unit"), {"name": "新单位", "kind": "agency", "categories": HUGE}
    )
    assert response.status_code == 200
    assert f"单位类别：没有编号为“{HUGE}”的选项" in response.content.decode()
    assert Unit.objects.count() == before


def test_a_new_cycle_over_a_unit_with_a_huge_id_names_the_units(world):
    from kaohe.cycles.models import Cycle

    users, _ = world
    before = Cycle.objects.count()
    response = as_role(users, Role.OFFICE).post(
        reverse("cycles:new"),
        {
            "name": "新周期",
            "period": "quarter",
            "starts_on": "2021-01-01",
            "ends_on": "2021-03-31",
            "units": [HUGE],
        },
    )
    assert response.status_code == 200
    assert f"被考核单位：没有编号为“{HUGE}”的选项" in response.content.decode()
    assert Cycle.objects.count() == before


def test_a_task_given_to_a_unit_with_a_huge_id_names_the_responsible_units(world):
    users, ids = world
    response = as_role(users, Role.OFFICE).post(
        reverse("cycles:assignment", args=[ids["open_cycle"], ids["assignment"]]),
        {"responsible_units": HUGE, "assessor": HUGE},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert f"责任单位：没有编号为“{HUGE}”的选项" in page and "考评单位：没有这个选项" in page


# PostgreSQL refuses a NUL character in text: these gave HTTP 500 there (found by the fuzz).
def test_a_nul_in_a_search_box_is_dropped(world):
    users, ids = world
    audit = as_role(users, Role.AUDIT_ADMIN).get(reverse("audit:entries"), {"actor": "\x00"})
    grid = as_role(users, Role.OFFICE).get(
        reverse("cycles:records", args=[ids["open_cycle"]]), {"q": "\x00"}
    )
    assert audit.status_code == grid.status_code == 200


def test_a_reason_for_sending_back_with_a_nul_is_refused_naming_the_reason(world):
    from kaohe.progress.models import Submission

    users, ids = world
    before = Submission.objects.get(pk=ids["submission"]).status
    response = as_role(users, Role.DEPUTY_LEADER).post(
        reverse("progress:return", args=[ids["submission"]]), {"reason": "请补充\x00"}, follow=True
    )
    assert "退回理由：" in response.content.decode()
    assert Submission.objects.get(pk=ids["submission"]).status == before != "returned"


def test_a_scheme_document_with_a_nul_is_refused(world):
    from kaohe.schemes.models import SchemeVersion

    users, ids = world
    draft = SchemeVersion.objects.get(number=ids["draft_number"], scheme__slug=ids["slug"])
    response = as_role(users, Role.OFFICE).post(
        reverse("schemes:edit", args=[ids["slug"], ids["draft_number"]]),
        {"document": draft.document + "\x00"},
        follow=True,
    )
    assert "方案文件：不能含有空字符" in response.content.decode()
    assert "\x00" not in SchemeVersion.objects.get(pk=draft.pk).document
