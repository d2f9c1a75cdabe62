"""Facts: what happened in a cycle — units, records and evaluation scores."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Literal


@dataclass(frozen=True)
class Unit:
    """被考核单位. ``not_participating`` names items (path or code) it does not take part in."""

    name: str
    categories: tuple[str, ...] = ()
    not_participating: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Record:
    """考核记录: one deduction, bonus, count or value for one unit.

    ``indicator`` is a code or path; ``rule`` a rule id (may be empty when the indicator has one
    rule). ``share`` splits the amount (合报: 3 means a third). ``source`` says where the record
    came from (「第 5 行」) so that errors and explanations can point at it.
    """

    unit: str
    indicator: str = ""
    rule: str = ""
    count: Decimal | None = None
    value: Decimal | None = None
    level: str = ""
    incident: str = ""
    date: datetime.date | None = None
    period: str = ""
    share: Decimal | None = None
    note: str = ""
    source: str = ""


@dataclass(frozen=True)
class RecordField:
    """One field of a record: its name (an attribute of Record, the glossary's word), its
    Chinese label (the file's column header, the grid's and the form's label) and its kind."""

    name: str
    label: str
    kind: Literal["text", "number", "date"] = "text"


# A record's fields, in the order of the records file, the template and the grid. Everything
# that lists a record's fields (form, grid, template, import, snapshot, engine mapping) reads
# this tuple; the Django model uses the same names (cycles/fields.py).
RECORD_FIELDS = (
    RecordField("unit", "被考核单位"),
    RecordField("indicator", "指标"),
    RecordField("rule", "规则"),
    RecordField("count", "次数", "number"),
    RecordField("value", "数值", "number"),
    RecordField("level", "级别"),
    RecordField("incident", "事项"),
    RecordField("date", "日期", "date"),
    RecordField("period", "期间"),
    RecordField("share", "分摊", "number"),
    RecordField("note", "说明"),
)


@dataclass(frozen=True, slots=True)
class EvaluationScore:
    """A 0–100 evaluation score one evaluator group gave a unit on an item in one round."""

    unit: str
    indicator: str
    group: str
    score: Decimal
    round: str = ""


@dataclass(frozen=True)
class UnitFacts:
    """Everything one unit's score depends on, apart from the other units (see CycleContext)."""

    unit: Unit
    records: tuple[Record, ...] = ()
    evaluations: tuple[EvaluationScore, ...] = ()
    periods: tuple[str, ...] = ()
    as_of: datetime.date | None = None


@dataclass(frozen=True)
class Facts:
    """The facts of one cycle. ``periods`` are the cycle's months as ``YYYY-MM``.

    ``as_of`` is the day a cycle still running is scored on: a period not over by then (its
    last day on or after ``as_of``) is not yet short of a minimum. None: every period is over.

    Without ``units``, the units are the names found in records and evaluations. With them,
    ``compute`` refuses a record or score for any other name (a typo must not become a unit).
    """

    units: tuple[Unit, ...] = ()
    records: tuple[Record, ...] = ()
    evaluations: tuple[EvaluationScore, ...] = ()
    periods: tuple[str, ...] = field(default=())
    as_of: datetime.date | None = None

    @classmethod
    def of(
        cls,
        records: Iterable[Record],
        units: Iterable[Unit] = (),
        evaluations: Iterable[EvaluationScore] = (),
        periods: Iterable[str] = (),
        as_of: datetime.date | None = None,
    ) -> Facts:
        return cls(tuple(units), tuple(records), tuple(evaluations), tuple(periods), as_of)

    @cached_property
    def all_units(self) -> Mapping[str, Unit]:
        """Every unit by name, in order: declared units first, then those only seen in records."""
        units = {unit.name: unit for unit in self.units}
        for name in self._records_by_unit:
            if name not in units:
                units[name] = Unit(name)
        for evaluation in self.evaluations:
            if evaluation.unit not in units:
                units[evaluation.unit] = Unit(evaluation.unit)
        return units

    @cached_property
    def _records_by_unit(self) -> Mapping[str, tuple[Record, ...]]:
        """Each unit's records in the order given (declared units first), found in one pass."""
        grouped: dict[str, list[Record]] = {unit.name: [] for unit in self.units}
        for record in self.records:
            bucket = grouped.get(record.unit)
            if bucket is None:
                grouped[record.unit] = [record]
            else:
                bucket.append(record)
        # Tuples, handed out as they are by for_unit: one copy for the whole cycle.
        return {name: tuple(bucket) for name, bucket in grouped.items()}

    def undeclared(self) -> list[str]:
        """Names in records or evaluation scores that are not among the declared units."""
        if not self.units:
            return []
        declared = {unit.name for unit in self.units}
        return [name for name in self.all_units if name not in declared]

    @cached_property
    def _evaluations_by_unit(self) -> Mapping[str, list[EvaluationScore]]:
        grouped: dict[str, list[EvaluationScore]] = {}
        for evaluation in self.evaluations:
            grouped.setdefault(evaluation.unit, []).append(evaluation)
        return grouped

    def for_unit(self, name: str) -> UnitFacts:
        """The slice of the facts that one unit's own score depends on."""
        return UnitFacts(
            self.all_units[name],
            self._records_by_unit.get(name, ()),
            tuple(self._evaluations_by_unit.get(name, ())),
            self.periods,
            self.as_of,
        )
