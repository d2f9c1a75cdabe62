"""Issue 16: an evaluation score is 0–100 wherever it is typed; what is not a number, not finite,
out of range or blanked is refused with a message naming the cell, never a server error."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kaohe.cycles import actions as cycle_actions
from kaohe.cycles.models import EvaluationEntry
from tests.results.test_evaluation_scores_are_entered_per_evaluator_group import field_for

CELL = "班子测评 · 党建科「主要领导」"


def post_score(bureau: Any, client: Any, typed: str, was: str = "0:") -> str:
    client.force_login(bureau.office)
    url = reverse("results:evaluations", args=[bureau.cycle.pk])
    name = field_for(client.get(url).content.decode(), "党建科 主要领导")
    response = client.post(url, {name: typed, f"{name}-was": was}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("NaN", f"{CELL}：测评得分应为 0 到 100 之间的数字"),
        ("-Infinity", f"{CELL}：测评得分应为 0 到 100 之间的数字"),
        ("1e999", f"{CELL}：测评得分应在 0 到 100 之间（填写的是 1.0e+999）"),
        ("-1", f"{CELL}：测评得分应在 0 到 100 之间（填写的是 -1）"),
        ("100.5", f"{CELL}：测评得分应在 0 到 100 之间（填写的是 100.5）"),
        ("85.1234", f"{CELL}：测评得分最多保留 3 位小数（填写的是 85.1234）"),
        ("八十", f"{CELL}不是数字：八十"),
        ("9" * 5000, f"{CELL}：测评得分应在 0 到 100 之间（填写的是 1.0e+5000）"),
        ("分" * 5000, f"{CELL}不是数字：{'分' * 20}<"),
    ],
)
def test_a_score_that_is_no_0_to_100_number_is_refused_naming_the_cell(
    bureau: Any, client: Any, typed: str, said: str
) -> None:
    page = post_score(bureau, client, typed)

    assert said in page
    assert not EvaluationEntry.objects.exists()


def test_a_blank_cell_saves_nothing_and_a_blanked_score_is_refused(
    bureau: Any, client: Any
) -> None:
    assert "已保存 0 项测评得分" in post_score(bureau, client, "   ")
    bureau.commit(
        cycle_actions.set_evaluation_score,
        bureau.office,
        bureau.units["党建科"],
        "班子测评",
        "主要领导",
        Decimal(80),
    )

    page = post_score(bureau, client, "", was="1:80")

    assert f"{CELL}：已录入的测评得分不能清空" in page
    assert EvaluationEntry.objects.get().score == Decimal(80)


def test_a_score_for_a_group_or_item_the_scheme_does_not_have_is_refused(bureau: Any) -> None:
    unit = bureau.units["党建科"]
    with pytest.raises(ValidationError, match="评议组「群众」不在（主要领导、分管领导）中"):
        cycle_actions.set_evaluation_score(bureau.office, unit, "班子测评", "群众", Decimal(80))
    with pytest.raises(ValidationError, match="不是方案中的测评类指标"):
        cycle_actions.set_evaluation_score(bureau.office, unit, "日常考核", "主要领导", Decimal(8))
    assert not EvaluationEntry.objects.exists()


def test_a_grid_of_a_city_posted_without_javascript_is_read(bureau: Any, client: Any) -> None:
    """200 units × 6 columns, two fields a cell: beyond Django's default of 1,000 fields."""
    client.force_login(bureau.office)
    url = reverse("results:evaluations", args=[bureau.cycle.pk])
    untouched = {f"s-0-0-{n}": "" for n in range(1200)} | {
        f"s-0-0-{n}-was": "0:" for n in range(1200)
    }

    response = client.post(url, untouched, follow=True)

    assert response.status_code == 200 and "已保存 0 项测评得分" in response.content.decode()
