"""模拟测算: a unit's own people and the office try taking records away, adding records or changing
an evaluation score, and see the total, grade and rank the engine computes on a copy of the
cycle's facts, beside the current ones.

Nothing is saved: the facts are the engine's in-memory reading of the cycle (cycles.facts), the
forms are the editor's try-it bench rows (schemes.trial), and the results are only rendered.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from django import forms

from kaohe import engine
from kaohe.cycles.facts import cycle_facts, cycle_scheme
from kaohe.cycles.models import CycleUnit
from kaohe.engine.numbers import show
from kaohe.forms import StyledForm
from kaohe.schemes.trial import (
    PeriodForm,
    RecordRows,
    SampleScoreForm,
    ScoreRows,
    Trial,
    evaluation_items,
    rule_choices,
    sample_records,
)

STORED = "记录 #"
"""How a stored record's source begins (cycles.facts.engine_record); only these may be taken."""


class TakenForm(StyledForm):
    taken = forms.MultipleChoiceField(
        label="去掉的记录", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self, *args: Any, scheme: engine.Scheme, records: list[engine.Record], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [(record.source, record_text(scheme, record)) for record in records]
        self.fields["taken"].choices = choices


def record_text(scheme: engine.Scheme, record: engine.Record) -> str:
    """「记录 #12 · 考勤纪律 · 迟到早退 次数 2 6月迟到两人次」"""
    node = scheme.nodes.get(record.indicator)
    rule = scheme.rules.get(record.rule)
    amounts = " ".join(
        f"{label} {show(value) if isinstance(value, Decimal) else value}"
        for label, value in (("次数", record.count), ("数值", record.value), ("级别", record.level))
        if value not in (None, "")
    )
    where = f"{node.name if node else record.indicator} · {rule.title if rule else record.rule}"
    return f"{record.source} · {where} {amounts} {record.note}".strip()


@dataclass(frozen=True)
class Standing:
    """One unit's total, grade and rank in one computation."""

    total: Any
    grade: str | None
    rank: int | None


@dataclass
class WhatIf:
    """The bench for one cycle unit: what was typed, its problems and both standings."""

    cycle_unit: CycleUnit
    scheme: engine.Scheme
    facts: engine.Facts
    taken: TakenForm
    trial: Trial
    problems: list[str] = field(default_factory=list)
    current: Standing | None = None
    tried: Standing | None = None

    @property
    def label(self) -> str:
        return self.cycle_unit.label


def what_if_bench(cycle_unit: CycleUnit, data: Any = None) -> WhatIf:
    scheme = cycle_scheme(cycle_unit.cycle)
    facts = cycle_facts(cycle_unit.cycle, scheme)
    own = [r for r in facts.records if r.unit == cycle_unit.label and r.source.startswith(STORED)]
    trial = Trial(
        scheme,
        "",
        PeriodForm(),
        RecordRows(data, prefix="records", form_kwargs={"choices": rule_choices(scheme, "")}),
        ScoreRows(data, prefix="scores", form_kwargs={"choices": evaluation_items(scheme, "")}),
    )
    return WhatIf(cycle_unit, scheme, facts, TakenForm(data, scheme=scheme, records=own), trial)


def run_what_if(bench: WhatIf) -> None:
    """Computes the cycle as it is and as changed; nothing runs while a row has a problem."""
    trial = bench.trial
    if not all([bench.taken.is_valid(), trial.records.is_valid(), trial.scores.is_valid()]):
        return
    added = [replace(record, unit=bench.label) for record in sample_records(trial)]
    scores = [s for form in trial.scores.forms if (s := form_score(form, bench))]
    if any(form.errors for form in [*trial.records.forms, *trial.scores.forms]):
        return
    try:
        bench.current = standing(bench, bench.facts)
        bench.tried = standing(bench, changed_facts(bench, added, scores))
    except engine.FactsError as error:
        bench.problems = list(error.problems)


def form_score(form: SampleScoreForm, bench: WhatIf) -> engine.EvaluationScore | None:
    given = form.score_given(bench.scheme)
    return replace(given, unit=bench.label) if given else None


def changed_facts(
    bench: WhatIf, added: list[engine.Record], scores: list[engine.EvaluationScore]
) -> engine.Facts:
    """The cycle's facts with the taken records gone, the added ones in, and each changed score
    in place of the same group's score on the same item and round."""
    taken = set(bench.taken.cleaned_data["taken"])
    records = [r for r in bench.facts.records if r.unit != bench.label or r.source not in taken]
    changed = {(s.unit, s.indicator, s.group, s.round) for s in scores}
    kept = [
        s for s in bench.facts.evaluations if (s.unit, s.indicator, s.group, s.round) not in changed
    ]
    return replace(bench.facts, records=(*records, *added), evaluations=(*kept, *scores))


def standing(bench: WhatIf, facts: engine.Facts) -> Standing:
    result = engine.compute(bench.scheme, facts).units[bench.label]
    return Standing(result.total, result.grade, result.rank)
