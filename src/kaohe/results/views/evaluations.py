"""测评得分录入: the office enters each evaluator group's 0–100 score per unit (and round)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from kaohe import engine
from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import Role
from kaohe.cycles.actions import set_evaluation_score
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Cycle, CycleUnit, EvaluationEntry

# A score as typed: a finite number (NaN and Infinity are no score); its range is the action's.
SCORE = forms.DecimalField()


@dataclass(frozen=True)
class Column:
    group: str
    round: str
    weight: Decimal = Decimal(1)

    @property
    def share(self) -> str:
        return f"{(self.weight * 100).normalize():f}%"

    @property
    def label(self) -> str:
        return f"{self.round} · {self.group}" if self.round else self.group


@dataclass(frozen=True)
class Item:
    path: str
    name: str
    columns: tuple[Column, ...]


def evaluation_items(scheme: engine.Scheme) -> list[Item]:
    items = []
    for rule in scheme.rules.values():
        if rule.kind != "evaluation":
            continue
        params: Any = rule.params
        columns = tuple(
            Column(group, round_name, group_weight * round_weight)
            for round_name, round_weight in params.rounds.items()
            for group, group_weight in params.groups.items()
        )
        items.append(Item(rule.node_path, scheme.nodes[rule.node_path].name, columns))
    return items


def field_name(unit: CycleUnit, item_index: int, column_index: int) -> str:
    return f"s-{unit.pk}-{item_index}-{column_index}"


def grid(cycle: Cycle, items: list[Item], posted: Any = None) -> list[dict[str, Any]]:
    """Per item: a row per unit with a cell per group (× round), filled from saved scores."""
    saved = {
        (e.cycle_unit_id, e.node_path, e.group, e.round): e.score
        for e in EvaluationEntry.objects.filter(cycle=cycle)
    }
    units = list(cycle.cycle_units.all())
    tables = []
    for index, item in enumerate(items):
        rows = []
        for unit in units:
            cells = []
            for col_index, column in enumerate(item.columns):
                name = field_name(unit, index, col_index)
                value = saved.get((unit.pk, item.path, column.group, column.round))
                shown = posted.get(name) if posted is not None else value
                cells.append({"name": name, "column": column, "value": shown, "saved": value})
            rows.append({"unit": unit, "cells": cells})
        tables.append({"item": item, "rows": rows})
    return tables


def changed_scores(tables: list[dict[str, Any]]) -> tuple[list[tuple], list[str]]:
    changes, problems = [], []
    for table in tables:
        for row in table["rows"]:
            for cell in row["cells"]:
                text = (cell["value"] or "").strip() if isinstance(cell["value"], str) else ""
                if not text:
                    continue
                try:
                    score = SCORE.clean(text)
                except ValidationError:
                    problems.append(f"{row['unit']}「{cell['column'].label}」不是数字：{text}")
                    continue
                if cell["saved"] is None or score != cell["saved"]:
                    changes.append((row["unit"], table["item"].path, cell["column"], score))
    return changes, problems


def save_scores(user: Any, changes: list[tuple]) -> list[str]:
    """All or nothing: the first refused score undoes the others and is named."""
    try:
        with transaction.atomic():
            for unit, path, column, score in changes:
                try:
                    set_evaluation_score(user, unit, path, column.group, score, column.round)
                except ValidationError as error:
                    raise ValidationError(
                        [f"{unit}「{column.label}」：{m}" for m in error.messages]
                    ) from error
    except ValidationError as error:
        return list(error.messages)
    return []


@role_required(Role.OFFICE)
def evaluations(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle.objects.select_related("scheme_version"), pk=cycle_id)
    items = evaluation_items(cycle_scheme(cycle))
    if request.method != "POST":
        return show(request, cycle, grid(cycle, items))
    tables = grid(cycle, items, request.POST)
    changes, problems = changed_scores(tables)
    problems = problems or save_scores(request.user, changes)
    if problems:
        for problem in problems:
            messages.error(request, problem)
        return show(request, cycle, tables)
    messages.success(request, f"已保存 {len(changes)} 项测评得分")
    return redirect("results:evaluations", cycle_id=cycle.pk)


def show(request: HttpRequest, cycle: Cycle, tables: list[dict[str, Any]]) -> HttpResponse:
    return render(
        request,
        "results/evaluations.html",
        {"cycle": cycle, "tables": tables, "editable": cycle.is_open},
    )
