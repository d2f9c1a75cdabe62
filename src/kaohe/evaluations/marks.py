"""A ballot's marks: the form one evaluator fills in (units × dimensions), each mark checked
and kept as text — a grade, a number 0–100 or nothing. The phone page, the voting actions and
the paper import read marks here."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError

from kaohe.cycles.models import CycleUnit
from kaohe.evaluations.access import rated_units
from kaohe.evaluations.models import Dimension, EvaluatorGroup, Grade
from kaohe.transfer.written_text import clean_text

COMMENT_LIMIT = 500
GRADES = frozenset(Grade.values)  # Grade.values builds a new list at every look


@dataclass(frozen=True)
class Form:
    """What one evaluator of a group fills in: the units, each with the group's dimensions."""

    group: EvaluatorGroup
    units: list[CycleUnit]
    dimensions: list[Dimension]

    @functools.cached_property
    def fields(self) -> list[tuple[CycleUnit, str, str, list[tuple[Dimension, str, str]]]]:
        """Each unit with its key in a ballot's marks, its comment's field name and each
        dimension with its key and its mark's field name — named once per form (a running
        group's form serves every ballot)."""
        return [
            (
                unit,
                str(unit.pk),
                comment_field(unit),
                [(d, str(d.pk), mark_field(unit, d)) for d in self.dimensions],
            )
            for unit in self.units
        ]


def form_for(group: EvaluatorGroup, user: Any = None) -> Form:
    # Plain id orders: the models' default orderings join up to the cycle on every ballot.
    units = rated_units(group, user).order_by("id")
    dimensions = Dimension.objects.filter(group=group).order_by("order", "id")
    return Form(group, list(units), list(dimensions))


# The forms of groups whose evaluation runs: its settings froze when it opened, so a process keeps
# each (units and dimensions) instead of reading it for every ballot. The key holds the opening
# time, so a group id the database hands out again (tests) never finds another group's form.
_running_forms: dict[tuple[int, str], Form] = {}


def running_form(group_id: int, opened: str, keep: bool) -> Form:
    """The form a code's holder fills in (no user: every unit the group rates); ``keep`` once
    the evaluation runs."""
    form = _running_forms.get((group_id, opened))
    if form is None:
        group = EvaluatorGroup.objects.select_related("evaluation").get(pk=group_id)
        form = form_for(group)
        if keep:
            _running_forms[(group_id, opened)] = form
    return form


def mark_field(unit: CycleUnit, dimension: Dimension) -> str:
    return f"m-{unit.pk}-{dimension.pk}"


def comment_field(unit: CycleUnit) -> str:
    return f"c-{unit.pk}"


def mark_value(dimension: Dimension, raw: Any) -> str:
    """A mark as stored: a grade, a number 0–100 (two decimals at most), or "" for none."""
    text = str(raw if raw is not None else "").strip()
    if not text:
        return ""
    if dimension.by_grade:
        if text not in GRADES:
            raise ValidationError(f"应为{'、'.join(Grade.values)}之一（填写的是「{text[:20]}」）")
        return text
    if text.isascii() and text.isdigit() and int(text) <= 100:  # the phone's usual 0–100
        return str(int(text))
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError(f"应为 0 到 100 的分数（填写的是「{text[:20]}」）") from None
    if not number.is_finite() or not 0 <= number <= 100 or number.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValidationError(f"应为 0 到 100 的分数，最多两位小数（填写的是「{text[:20]}」）")
    return f"{number.normalize():f}"


def read_marks(
    form: Form, data: Mapping[str, Any]
) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """The marks and comments of a posted form, read in one pass over the form's fields; every
    problem names its unit and dimension."""
    marks: dict[str, dict[str, str]] = {}
    comments: dict[str, str] = {}
    problems = []
    for unit, key, comment_name, questions in form.fields:
        given = marks[key] = {}
        for dimension, dimension_key, name in questions:
            try:
                value = mark_value(dimension, data.get(name))
            except ValidationError as error:
                problems += [f"「{unit}」的「{dimension}」{m}" for m in error.messages]
                continue
            if value:
                given[dimension_key] = value
        comment = data.get(comment_name)
        if comment and form.group.allows_comment:
            comment = clean_text(str(comment)).strip()[:COMMENT_LIMIT]
            if comment:
                comments[key] = comment
    if problems:
        raise ValidationError(problems)
    return marks, comments
