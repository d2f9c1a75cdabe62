"""模拟测算: a unit's own people and the office take records away, add records or change a score
and see the engine's new total, grade and rank beside the current ones; nothing is saved."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from kaohe.cycles.facts import cycle_scheme
from kaohe.schemes.trial import evaluation_items
from tests.results.test_evaluation_scores_are_entered_per_evaluator_group import field_for

pytestmark = pytest.mark.django_db


def what_if_url(bureau: Any) -> str:
    return reverse("results:what_if", args=[bureau.cycle.pk, bureau.units["党建科"].pk])


def rows(prefix: str, forms: int, **first: str) -> dict[str, str]:
    data = {f"{prefix}-TOTAL_FORMS": str(forms), f"{prefix}-INITIAL_FORMS": "0"}
    data.update({f"{prefix}-0-{name}": value for name, value in first.items()})
    return data


def every_row_count() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in apps.get_models()}


def standing(page: str, row: str) -> Decimal:
    cell = page.split(f'id="{row}"')[1].split('<td class="text-end')[1]
    return Decimal(cell.split(">")[1].split("<")[0])


def test_taking_a_deduction_away_raises_the_total_and_saves_nothing(bureau):
    lateness = bureau.record("党建科", "1.2", "st1", "2", note="6月迟到两人次")
    client = Client()
    client.force_login(bureau.reporter)
    before = every_row_count()
    data = {"taken": [f"记录 #{lateness.pk}"], **rows("records", 1), **rows("scores", 0)}
    page = client.post(what_if_url(bureau), data).content.decode()
    assert every_row_count() == before
    assert "测算结果（未保存）" in page
    assert standing(page, "what-if-tried") > standing(page, "what-if-current")


def test_an_added_record_lowers_the_total(bureau):
    client = Client()
    client.force_login(bureau.office)
    data = {**rows("records", 1, rule="st1", count="2"), **rows("scores", 0)}
    page = client.post(what_if_url(bureau), data).content.decode()
    assert standing(page, "what-if-tried") < standing(page, "what-if-current")


def test_the_units_page_links_to_the_bench_for_its_own_people(bureau):
    client = Client()
    client.force_login(bureau.reporter)
    url = reverse("results:unit", args=[bureau.cycle.pk, bureau.units["党建科"].pk])
    assert "模拟测算" in client.get(url).content.decode()


@pytest.mark.parametrize("who", ["other_reporter", "deputy", "outsider"])
def test_other_units_and_leaders_are_refused(bureau, who):
    client = Client()
    client.force_login(getattr(bureau, who))
    assert client.get(what_if_url(bureau)).status_code == 403


def test_a_changed_evaluation_score_replaces_the_groups_score(
    bureau, django_capture_on_commit_callbacks
):
    client = Client()
    client.force_login(bureau.office)
    scores_url = reverse("results:evaluations", args=[bureau.cycle.pk])
    page = client.get(scores_url).content.decode()
    low = {field_for(page, "党建科 主要领导"): "60", field_for(page, "党建科 分管领导"): "60"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(scores_url, low)
    item = evaluation_items(cycle_scheme(bureau.cycle), "")[0][0]
    changed = rows("scores", 1, indicator=item, group="主要领导", score="100")
    page = client.post(what_if_url(bureau), {**rows("records", 0), **changed}).content.decode()
    assert standing(page, "what-if-tried") > standing(page, "what-if-current")
