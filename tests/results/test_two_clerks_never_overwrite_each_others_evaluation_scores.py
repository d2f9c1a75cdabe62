"""Issue 16: evaluation scores carry a version like records. Two clerks of the office open the
grid at the same time; before, saving the grid posted every cell, so the second save silently
put back the first clerk's cell (53 of 200 rounds), and two saves of the same cell were both
told 「已保存」 (200 of 200)."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry
from kaohe.cycles import actions as cycle_actions
from kaohe.cycles.models import EvaluationEntry
from tests.conftest import new_person
from tests.results.test_evaluation_scores_are_entered_per_evaluator_group import field_for

ITEM = "班子测评"


class GridForm(HTMLParser):
    """The fields the evaluation form posts, as a browser without JavaScript would."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "input" and found.get("name") and "disabled" not in found:
            self.fields[str(found["name"])] = found.get("value") or ""


class Clerk:
    """One of the office's people with the evaluation grid open in a browser."""

    def __init__(self, user: Any, cycle: Any) -> None:
        self.client = Client()
        self.client.force_login(user)
        self.url = reverse("results:evaluations", args=[cycle.pk])
        self.page = ""

    def open(self) -> None:
        self.page = self.client.get(self.url).content.decode()

    def save(self, typed: dict[str, str], whole_grid: bool = True) -> str:
        """Types into the cells named by aria-label and saves: the whole grid as the form
        posts it, or (whole_grid=False) only the typed cells, as the page's script sends."""
        fields = GridForm(self.page).fields
        names = {field_for(self.page, label): value for label, value in typed.items()}
        if not whole_grid:
            keep = {"csrfmiddlewaretoken", *names, *(f"{name}-was" for name in names)}
            fields = {name: value for name, value in fields.items() if name in keep}
        response = self.client.post(self.url, {**fields, **names}, follow=True)
        assert response.status_code == 200
        return response.content.decode()


@pytest.fixture
def clerks(bureau: Any) -> tuple[Clerk, Clerk]:
    second = new_person("zjg_office2", bureau.office_unit, Role.OFFICE)
    return Clerk(bureau.office, bureau.cycle), Clerk(second, bureau.cycle)


def score(bureau: Any, unit: str, group: str) -> Decimal:
    return EvaluationEntry.objects.get(cycle_unit=bureau.units[unit], group=group).score


def scored(bureau: Any, unit: str, group: str, value: str) -> None:
    bureau.commit(
        cycle_actions.set_evaluation_score,
        bureau.office,
        bureau.units[unit],
        ITEM,
        group,
        Decimal(value),
    )


def test_the_second_save_of_the_same_cell_is_refused_naming_the_cell_and_the_newer_score(
    bureau: Any, clerks: tuple[Clerk, Clerk]
) -> None:
    first, second = clerks
    first.open()
    second.open()

    assert "已保存 1 项测评得分" in first.save({"党建科 主要领导": "85"})
    page = second.save({"党建科 主要领导": "90"})

    assert "班子测评 · 党建科「主要领导」：该测评得分已被他人改为 85" in page
    assert "您填写的 90 未保存" in page and "已保存" not in page
    assert score(bureau, "党建科", "主要领导") == Decimal(85)
    assert AuditEntry.objects.filter(action=Action.EVALUATION_SCORE_ENTERED).count() == 1
    assert 'value="85"' in page  # the cell now shows the newer score, ready to save again


def test_a_refused_cell_can_be_saved_again_once_the_clerk_has_seen_the_newer_score(
    bureau: Any, clerks: tuple[Clerk, Clerk]
) -> None:
    scored(bureau, "党建科", "主要领导", "80")
    first, second = clerks
    first.open()
    second.open()
    first.save({"党建科 主要领导": "85"})

    second.page = second.save({"党建科 主要领导": "90", "办公室 主要领导": "75"})
    assert not EvaluationEntry.objects.filter(cycle_unit=bureau.units["办公室"]).exists()
    page = second.save({"党建科 主要领导": "90"})

    assert "已保存 2 项测评得分" in page  # the score typed again, and 办公室's kept from before
    assert score(bureau, "党建科", "主要领导") == Decimal(90)
    assert score(bureau, "办公室", "主要领导") == Decimal(75)


@pytest.mark.parametrize("whole_grid", [True, False], ids=["whole-grid", "changed-cells-only"])
@pytest.mark.parametrize("first_saves_first", [True, False])
def test_two_clerks_editing_different_cells_of_the_grid_both_keep_their_scores(
    bureau: Any, clerks: tuple[Clerk, Clerk], whole_grid: bool, first_saves_first: bool
) -> None:
    scored(bureau, "党建科", "主要领导", "80")
    scored(bureau, "党建科", "分管领导", "70")
    first, second = clerks
    first.open()
    second.open()
    saves = [
        lambda: first.save({"党建科 主要领导": "81"}, whole_grid),
        lambda: second.save({"党建科 分管领导": "71"}, whole_grid),
    ]
    for save in saves if first_saves_first else reversed(saves):
        assert "已保存 1 项测评得分" in save()

    assert score(bureau, "党建科", "主要领导") == Decimal(81)
    assert score(bureau, "党建科", "分管领导") == Decimal(71)


def test_many_rounds_of_two_clerks_never_revert_a_cell(
    bureau: Any, clerks: tuple[Clerk, Clerk]
) -> None:
    """The issue's measurement in small: both open the grid, each changes a cell of its own."""
    first, second = clerks
    for round_number in range(1, 21):
        first.open()
        second.open()
        order = (first, second) if round_number % 2 else (second, first)
        typed = {first: "党建科 主要领导", second: "党建科 分管领导"}
        for clerk in order:
            clerk.save({typed[clerk]: str(round_number)})
        assert score(bureau, "党建科", "主要领导") == Decimal(round_number)
        assert score(bureau, "党建科", "分管领导") == Decimal(round_number)
