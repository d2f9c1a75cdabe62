"""Try a draft before publishing: sample records and evaluation scores, typed in the editor, scored
by the engine on the draft as it is now, with every number's explanation.

Nothing is saved: the forms here have no model behind them, the scheme is the engine's in-memory
reading of the draft's document, and the results are only rendered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django import forms
from django.forms import BaseFormSet, formset_factory
from django.utils import timezone

from kaohe.engine import (
    PATH_SEPARATOR,
    RECORD_FIELDS,
    CycleResult,
    EvaluationScore,
    Facts,
    FactsError,
    Node,
    NodeResult,
    Record,
    RecordField,
    Scheme,
    Unit,
    compute,
    evaluation_score_problems,
    record_problems,
    rule_kinds,
    within,
)
from kaohe.engine.numbers import round_half_up
from kaohe.engine.periods import PERIOD_KEY, period_label, period_months
from kaohe.forms import StyledForm
from kaohe.schemes.editing.tree import Position

SAMPLE_UNIT = "示例单位"
SCORED_BY_BALLOTS = ("evaluation",)
"""Rule kinds fed by evaluation scores, not by records."""
TRIED_FIELDS = tuple(field for field in RECORD_FIELDS if field.name not in ("indicator", "date"))
"""A sample record's fields (engine.RECORD_FIELDS): the rule names its item, 期间 its date."""
TYPED_FOR_A_RULE = tuple(field.name for field in TRIED_FIELDS if field.name not in ("unit", "rule"))
NUMBERS = {field.name for field in RECORD_FIELDS if field.kind == "number"}
FIRST_PERIOD = {"year": "{}", "half": "{}-H1", "quarter": "{}-Q1", "month": "{}-01"}
RECORD_ROWS, SCORE_ROWS = 5, 3


def node_at_position(scheme: Scheme, position: Position) -> Node | None:
    """The engine's node at an editor position (the draft's order is the scheme's)."""
    nodes, node = scheme.sections, None
    for index in position:
        if not 0 <= index < len(nodes):
            return None
        node = nodes[index]
        nodes = node.children
    return node


def tried_leaves(scheme: Scheme, root: str) -> list[Node]:
    return [node for node in scheme.leaves() if not root or within(node.path, root)]


def rule_choices(scheme: Scheme, root: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules a sample record may name, grouped by item: those under ``root``, but not the
    ones fed by evaluation scores."""
    labels = rule_kinds()
    return [
        (node.path, [(rule.id, f"{rule.title}（{labels[rule.kind]}）") for rule in rules])
        for node in tried_leaves(scheme, root)
        if (rules := [rule for rule in node.rules if rule.kind not in SCORED_BY_BALLOTS])
    ]


def evaluation_items(scheme: Scheme, root: str) -> list[tuple[str, str]]:
    return [
        (node.path, node.path)
        for node in tried_leaves(scheme, root)
        if any(rule.kind in SCORED_BY_BALLOTS for rule in node.rules)
    ]


def field_for(record_field: RecordField) -> forms.Field:
    if record_field.kind == "number":
        return forms.DecimalField(
            label=record_field.label, required=False, max_digits=14, decimal_places=6
        )
    return forms.CharField(label=record_field.label, required=False, max_length=200)


class SampleRowForm(StyledForm):
    """A row of the bench; ``choices`` fill its one choice field (rules or items)."""

    choice_field = ""

    def __init__(self, *args: Any, choices: list[Any], **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", False)  # many rows on one page: no clashing ids
        super().__init__(*args, **kwargs)
        self.fields[self.choice_field].choices = [("", "（请选择）"), *choices]
        for form_field in self.fields.values():
            form_field.widget.attrs["aria-label"] = str(form_field.label)
            form_field.widget.attrs["class"] += f" {form_field.widget.attrs['class']}-sm"

    def value(self, name: str) -> Any:
        return self.cleaned_data.get(name)

    def unit(self) -> str:
        return str(self.value("unit") or "").strip() or SAMPLE_UNIT


class SampleRecordForm(SampleRowForm):
    """One sample record; its fields are a record's fields (engine.RECORD_FIELDS)."""

    choice_field = "rule"

    def record(self, scheme: Scheme, row: int) -> Record | None:
        """The record this row holds (None for a blank row); a row without a rule is refused."""
        if not self.value("rule"):
            if any(self.value(name) not in (None, "") for name in TYPED_FOR_A_RULE):
                self.add_error("rule", "请选择规则")
            return None
        values = {field.name: self.value(field.name) for field in TRIED_FIELDS}
        values.update({name: value or "" for name, value in values.items() if name not in NUMBERS})
        values["unit"] = self.unit()
        rule = scheme.rules[values["rule"]]
        return Record(indicator=rule.node_path, source=f"第 {row} 行", **values)


def sample_record_fields() -> dict[str, forms.Field]:
    fields = {field.name: field_for(field) for field in TRIED_FIELDS}
    fields["unit"].initial = SAMPLE_UNIT
    fields["rule"] = forms.ChoiceField(label=fields["rule"].label, required=False)
    return fields


SampleRecordForm.base_fields = sample_record_fields()


class SampleScoreForm(SampleRowForm):
    """One evaluator group's sample score on an evaluation item."""

    choice_field = "indicator"
    unit = forms.CharField(label="被考核单位", required=False, initial=SAMPLE_UNIT, max_length=200)
    indicator = forms.ChoiceField(label="测评指标", required=False)
    group = forms.CharField(label="评议组", required=False, max_length=100)
    round = forms.CharField(label="轮次", required=False, max_length=100)
    score = forms.DecimalField(label="测评得分", required=False, max_digits=9, decimal_places=4)

    def score_given(self, scheme: Scheme) -> EvaluationScore | None:
        if not self.value("indicator"):
            if self.value("score") is not None or self.value("group"):
                self.add_error("indicator", "请选择测评指标")
            return None
        if self.value("score") is None:
            self.add_error("score", "请填写测评得分")
            return None
        given = EvaluationScore(
            unit=self.unit(),
            indicator=self.value("indicator"),
            group=str(self.value("group")).strip(),
            score=self.value("score"),
            round=str(self.value("round") or "").strip(),
        )
        for problem in evaluation_score_problems(scheme, given):
            self.add_error(None, problem)
        return given


class PeriodForm(StyledForm):
    period = forms.CharField(
        label="考核期间",
        max_length=10,
        help_text="如 2026、2026-H1（上半年）、2026-Q1（第一季度）、2026-03；按月、季统计的规则"
        "据此计算",
    )

    def clean_period(self) -> str:
        period = str(self.cleaned_data["period"]).strip().upper()
        if not PERIOD_KEY.fullmatch(period):
            raise forms.ValidationError(
                f"「{period}」不是考核期间，请写成 2026、2026-Q1 或 2026-03"
            )
        return period

    def months(self) -> tuple[str, ...]:
        year, first, count = period_months(self.cleaned_data["period"])
        return tuple(f"{year:04d}-{month:02d}" for month in range(first, first + count))


def first_period(scheme: Scheme) -> str:
    return FIRST_PERIOD.get(scheme.period, "{}").format(timezone.localdate().year)


RecordRows = formset_factory(SampleRecordForm, extra=RECORD_ROWS, max_num=100, absolute_max=100)
ScoreRows = formset_factory(SampleScoreForm, extra=SCORE_ROWS, max_num=100, absolute_max=100)


@dataclass
class Trial:
    """The bench for ``scheme`` (the item at ``root``, or all of it): what was typed, what is
    wrong with it, and the engine's result."""

    scheme: Scheme
    root: str
    period: PeriodForm
    records: BaseFormSet[SampleRecordForm]
    scores: BaseFormSet[SampleScoreForm]
    problems: list[str] = field(default_factory=list)
    result: CycleResult | None = None

    @property
    def period_label(self) -> str:
        return period_label(self.period.cleaned_data["period"]) if self.result else ""


def trial_bench(scheme: Scheme, root: str, data: Any = None) -> Trial:
    rules = rule_choices(scheme, root)
    items = evaluation_items(scheme, root)
    return Trial(
        scheme,
        root,
        PeriodForm(data, initial={"period": first_period(scheme)}),
        RecordRows(data, prefix="records", form_kwargs={"choices": rules}),
        ScoreRows(data, prefix="scores", form_kwargs={"choices": items}),
    )


def run_trial(trial: Trial) -> None:
    """Scores what was typed; row problems go on their rows, nothing is scored while any stands."""
    if not all([trial.period.is_valid(), trial.records.is_valid(), trial.scores.is_valid()]):
        return
    records = sample_records(trial)
    scores = [s for form in trial.scores.forms if (s := form.score_given(trial.scheme))]
    if any(form.errors for form in [*trial.records.forms, *trial.scores.forms]):
        return
    names = dict.fromkeys([SAMPLE_UNIT] if not records and not scores else [])
    names.update(dict.fromkeys(item.unit for item in [*records, *scores]))
    facts = Facts.of(records, [Unit(name) for name in names], scores, trial.period.months())
    try:
        trial.result = compute(trial.scheme, facts)
    except FactsError as error:
        trial.problems = list(error.problems)


def sample_records(trial: Trial) -> list[Record]:
    records = []
    for row, form in enumerate(trial.records.forms, start=1):
        record = form.record(trial.scheme, row)
        if record is None:
            continue
        for problem in record_problems(trial.scheme, record):
            form.add_error(problem.field if problem.field in form.fields else None, problem.text)
        records.append(record)
    return records


@dataclass(frozen=True)
class TriedNode:
    depth: int
    path: str
    name: str
    points: Decimal | None
    score: Decimal
    explanation: list[str]


@dataclass(frozen=True)
class TriedUnit:
    """One sample unit's result as the bench shows it."""

    name: str
    total: Decimal
    grade: str | None
    sections: list[tuple[str, Decimal]]
    explanation: list[str]
    nodes: list[TriedNode]


def tried_units(trial: Trial) -> list[TriedUnit]:
    if trial.result is None:
        return []
    scheme, places = trial.scheme, trial.scheme.decimals
    return [
        TriedUnit(
            name,
            result.total,
            result.grade,
            [(section, round_half_up(score, places)) for section, score in result.sections.items()],
            [*result.explanation, *(veto.explanation for veto in result.vetoes)],
            [
                tried_node(scheme, node)
                for path, node in result.nodes.items()
                if in_root(trial, path)
            ],
        )
        for name, result in trial.result.units.items()
    ]


def in_root(trial: Trial, path: str) -> bool:
    return not trial.root or within(path, trial.root)


def tried_node(scheme: Scheme, result: NodeResult) -> TriedNode:
    node = scheme.nodes[result.path]
    score = round_half_up(result.score, scheme.decimals)
    depth = result.path.count(PATH_SEPARATOR)
    return TriedNode(depth, result.path, node.name, node.points, score, result.explanation)
