"""测评得分录入: the office enters each evaluator group's 0–100 score per unit (and round)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import Role
from kaohe.cycles.actions import set_evaluation_score
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Cycle, CycleUnit, EvaluationEntry
from kaohe.evaluations.items import Column, Item, evaluation_items

# A score as typed: a finite number (NaN and Infinity are no score); its range is the action's.


def field_name(unit: CycleUnit, item_index: int, column_index: int) -> str:
    return f"s-{unit.pk}-{item_index}-{column_index}"


def score_text(entry: EvaluationEntry | None) -> str:
    return "" if entry is None else f"{entry.score.normalize():f}"


def same_score(typed: str, was: str) -> bool:
    if typed.strip() == was.strip():
        return True
    try:
        numbers = Decimal(typed), Decimal(was)
    except InvalidOperation:
        return False
    return all(number.is_finite() for number in numbers) and numbers[0] == numbers[1]


@dataclass
class Cell:
    """One score of the grid. The page posts each cell with the version and text it showed
    (``<name>-was``), so that only the cells the clerk changed are saved, each refused if
    another clerk saved it since."""

    name: str
    column: Column
    saved: EvaluationEntry | None
    typed: str | None = None
    was: str = ""

    @property
    def version(self) -> int:
        return self.saved.version if self.saved else 0

    @property
    def started_from(self) -> tuple[int, str]:
        version, _, text = self.was.partition(":")
        return (int(version), text) if version.isdigit() else (-1, "")

    @property
    def changed(self) -> bool:
        return self.typed is not None and not same_score(self.typed, self.started_from[1])

    @property
    def kept(self) -> bool:
        """Typed again as posted: changed, and nobody saved the cell since."""
        return self.changed and self.started_from[0] == self.version

    @property
    def value(self) -> str:
        return (self.typed or "") if self.kept else score_text(self.saved)

    @property
    def shown_was(self) -> str:
        return self.was if self.kept else f"{self.version}:{score_text(self.saved)}"


def grid(cycle: Cycle, items: list[Item], posted: Any = None) -> list[dict[str, Any]]:
    """Per item: a row per unit with a cell per group (× round), filled from saved scores."""
    saved = {
        (e.cycle_unit_id, e.node_path, e.group, e.round): e
        for e in EvaluationEntry.objects.filter(cycle=cycle)
    }
    posted = posted or {}
    units = list(cycle.cycle_units.all())
    tables = []
    for index, item in enumerate(items):
        rows = []
        for unit in units:
            cells = []
            for col_index, column in enumerate(item.columns):
                name = field_name(unit, index, col_index)
                entry = saved.get((unit.pk, item.path, column.group, column.round))
                was = posted.get(f"{name}-was", "")
                cells.append(Cell(name, column, entry, posted.get(name), was))
            rows.append({"unit": unit, "cells": cells})
        tables.append({"item": item, "rows": rows})
    return tables


@dataclass(frozen=True)
class Change:
    where: str
    unit: CycleUnit
    path: str
    column: Column
    score: Decimal
    expected_version: int


def changed_scores(tables: list[dict[str, Any]]) -> tuple[list[Change], list[str]]:
    """The cells the clerk changed, as numbers; a blanked or unreadable cell is a problem."""
    changes, problems = [], []
    for table in tables:
        item = table["item"]
        for row in table["rows"]:
            for cell in (cell for cell in row["cells"] if cell.changed):
                where = f"{item.name} · {row['unit']}「{cell.column.label}」"
                text = (cell.typed or "").strip()
                try:
                    score = Decimal(text)  # NaN and Infinity are refused by the score check
                except InvalidOperation:
                    problems.append(unreadable(where, text))
                    continue
                version = cell.started_from[0]
                changes.append(Change(where, row["unit"], item.path, cell.column, score, version))
    return changes, problems


def unreadable(where: str, text: str) -> str:
    if not text:
        return f"{where}：已录入的测评得分不能清空（如需更正请填写新的得分）"
    return f"{where}不是数字：{text[:20]}"


def save_scores(user: Any, changes: list[Change]) -> list[str]:
    """All or nothing: the first refused score undoes the others and is named."""
    try:
        with transaction.atomic():
            for change in changes:
                save_score(user, change)
    except ValidationError as error:
        return list(error.messages)
    return []


def save_score(user: Any, change: Change) -> None:
    group, round_name = change.column.group, change.column.round
    try:
        set_evaluation_score(
            user, change.unit, change.path, group, change.score, round_name, change.expected_version
        )
    except ValidationError as error:
        raise ValidationError([f"{change.where}：{m}" for m in error.messages]) from error


@role_required(Role.OFFICE)
def evaluations(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle.objects.select_related("scheme_version"), pk=cycle_id)
    items = evaluation_items(cycle_scheme(cycle))
    if request.method != "POST":
        return show(request, cycle, grid(cycle, items))
    changes, problems = changed_scores(grid(cycle, items, request.POST))
    problems = problems or save_scores(request.user, changes)
    if problems:
        for problem in problems:
            messages.error(request, problem)
        return show(request, cycle, grid(cycle, items, request.POST))  # as saved now
    messages.success(request, f"已保存 {len(changes)} 项测评得分")
    return redirect("results:evaluations", cycle_id=cycle.pk)


def show(request: HttpRequest, cycle: Cycle, tables: list[dict[str, Any]]) -> HttpResponse:
    return render(
        request,
        "results/evaluations.html",
        {"cycle": cycle, "tables": tables, "editable": cycle.is_open},
    )
