"""What the records grid shows: one indicator's records, filtered and a page at a time.

An indicator of a city cycle can carry 20,000 records; the grid shows PAGE_SIZE of them, each
unit keeping its row for a new record, so that a page stays small whatever the cycle's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.http import QueryDict

from kaohe import engine
from kaohe.cycles.forms import RecordForm
from kaohe.cycles.models import Cycle, CycleUnit, Record
from kaohe.forms import parse_id, search_text
from kaohe.schemes.presentation import rule_row

PAGE_SIZE = 50


@dataclass(frozen=True)
class GridFilter:
    """The grid's choices: which unit (all when None), which rule, which words."""

    node: engine.Node
    unit_id: int | None = None
    rule: str = ""
    text: str = ""

    @classmethod
    def read(cls, query: QueryDict, node: engine.Node) -> GridFilter:
        unit = query.get("unit", "")
        rule = query.get("rule", "")
        return cls(
            node,
            parse_id(unit),
            rule if any(r.id == rule for r in node.rules) else "",
            search_text(query.get("q")),
        )

    def records(self, cycle: Cycle) -> QuerySet[Record]:
        records = cycle.records.filter(node_path=self.node.path)
        if self.unit_id is not None:
            records = records.filter(cycle_unit_id=self.unit_id)
        if self.rule:
            records = records.filter(rule_id=self.rule)
        if self.text:
            words = Q(note__icontains=self.text) | Q(incident__icontains=self.text)
            records = records.filter(words | Q(level__icontains=self.text))
        return records.annotate(evidence_count=Count("evidence")).order_by("cycle_unit_id", "id")

    def query(self, **more: Any) -> str:
        """The query string showing this grid again (for the pages' links)."""
        chosen = {"node": self.node.code, "unit": self.unit_id or "", "rule": self.rule}
        return urlencode({**chosen, "q": self.text, **more})


def rule_choices(node: engine.Node) -> list[tuple[str, str]]:
    labels = engine.rule_kinds()
    return [(rule.id, rule_row(rule, labels).label) for rule in node.rules]


@dataclass
class Row:
    """One row of the grid: a record's (form and record), a unit's new record's (form, no
    record) or a deleted record's (neither), with what became of it when it was saved."""

    cycle: Cycle
    node: engine.Node
    cycle_unit: CycleUnit
    form: RecordForm | None = None
    message: str = ""
    refused: bool = False
    record: Record | None = None


def record_row(cycle: Cycle, node: engine.Node, record: Record, message: str = "") -> Row:
    form = RecordForm(
        instance=record, initial={"version": record.version}, rules=rule_choices(node)
    )
    return Row(cycle, node, record.cycle_unit, form, message, record=record)


def new_row(cycle: Cycle, node: engine.Node, cycle_unit: CycleUnit, message: str = "") -> Row:
    return Row(cycle, node, cycle_unit, RecordForm(rules=rule_choices(node)), message)


def unit_rows(cycle: Cycle, chosen: GridFilter, page: Page[Record]) -> dict[CycleUnit, list[Row]]:
    """Each unit shown (all, or the one chosen) with its records on this page and its new row."""
    units = cycle.cycle_units.order_by("id")
    if chosen.unit_id is not None:
        units = units.filter(pk=chosen.unit_id)
    by_unit: dict[int, list[Row]] = {unit.pk: [] for unit in units}
    for record in page.object_list:
        if record.cycle_unit_id in by_unit:
            by_unit[record.cycle_unit_id].append(record_row(cycle, chosen.node, record))
    return {unit: [*by_unit[unit.pk], new_row(cycle, chosen.node, unit)] for unit in units}


def grid_page(cycle: Cycle, chosen: GridFilter, number: str | None) -> Page[Record]:
    records = chosen.records(cycle).select_related("cycle_unit")
    return Paginator(records, PAGE_SIZE).get_page(number)
