"""The bridge from a cycle's rows to the engine: its Scheme and its Facts."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Iterator
from typing import cast

from django.utils import timezone

from kaohe import engine
from kaohe.cycles.fields import RECORD_COLUMNS, stored_fields
from kaohe.cycles.models import Cycle, CycleUnit, EvaluationEntry, Record
from kaohe.schemes.documents import scheme_from_text


def cycle_scheme(cycle: Cycle) -> engine.Scheme:
    """The cycle's published scheme (parsed once per document; see scheme_from_text)."""
    return scheme_from_text(cycle.scheme_version.document)


def engine_unit(cycle_unit: CycleUnit) -> engine.Unit:
    return engine.Unit(
        name=cycle_unit.label,
        categories=tuple(cycle_unit.categories),
        not_participating=tuple(cycle_unit.not_participating),
    )


def engine_record(record: Record, label: str) -> engine.Record:
    """The stored record as the engine reads it (``label`` is its unit's name in the cycle)."""
    return engine.Record(label, *stored_fields(record), f"记录 #{record.pk}")


def engine_evaluation(entry: EvaluationEntry, label: str) -> engine.EvaluationScore:
    return engine.EvaluationScore(
        unit=label,
        indicator=entry.node_path,
        group=entry.group,
        score=entry.score,
        round=entry.round,
    )


SystemRecordSource = Callable[..., list[engine.Record]]  # (cycle, *, scheme=None)
SYSTEM_RECORD_SOURCES: list[SystemRecordSource] = []


def register_system_records(source: SystemRecordSource) -> None:
    """Contexts built on cycles (写实考核 in progress) add the records kaohe derives itself;
    cycles itself never imports them."""
    if source not in SYSTEM_RECORD_SOURCES:
        SYSTEM_RECORD_SOURCES.append(source)


def system_records(cycle: Cycle, scheme: engine.Scheme | None = None) -> list[engine.Record]:
    return [record for source in SYSTEM_RECORD_SOURCES for record in source(cycle, scheme=scheme)]


# The columns of a Record that ``engine_record`` reads (from the one field list): read as
# tuples, a city's 50,000 records cost a third less than as model instances.
RecordFacts = namedtuple("RecordFacts", ("pk", "unit_id", *RECORD_COLUMNS))  # type: ignore[misc]
RECORD_FACTS = ("id", "unit_id", *RECORD_COLUMNS)


def record_facts(cycle: Cycle) -> Iterator[Record]:
    rows = cycle.records.order_by("id").values_list(*RECORD_FACTS)
    return (cast(Record, RecordFacts._make(row)) for row in rows)


def cycle_facts(cycle: Cycle, scheme: engine.Scheme | None = None) -> engine.Facts:
    """Every unit, record and evaluation score of the cycle, in three queries (the system
    records' sources are handed the scheme when the caller has it). An open cycle is scored as
    of today: a period not over yet deducts nothing for a minimum not yet reached."""
    units = list(cycle.cycle_units.all())
    labels = {unit.pk: unit.label for unit in units}
    records = [engine_record(r, labels[r.unit_id]) for r in record_facts(cycle)]
    records += system_records(cycle, scheme)
    evaluations = [
        engine_evaluation(entry, labels[entry.cycle_unit_id])
        for entry in cycle.evaluation_entries.order_by("id")
    ]
    return engine.Facts(
        units=tuple(engine_unit(unit) for unit in units),
        records=tuple(records),
        evaluations=tuple(evaluations),
        periods=tuple(cycle.months()),
        as_of=timezone.localdate() if cycle.is_open else None,
    )
