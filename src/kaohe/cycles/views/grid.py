"""What the records grid shows: one indicator's records, filtered and a page at a time.

An indicator of a city cycle can carry 20,000 records; the grid shows PAGE_SIZE of them, each
unit keeping its row for a new record, so that a page stays small whatever the cycle's size.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, QueryDict
from django.utils.safestring import SafeString

from kaohe import engine
from kaohe.cycles.forms import GRID_COLUMNS, RecordForm
from kaohe.cycles.models import Cycle, CycleUnit, Record, RecordEvidence
from kaohe.forms import parse_id, search_text
from kaohe.fragments import rendered_parts
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
        records = cycle.records.filter(indicator=self.node.path)
        if self.unit_id is not None:
            records = records.filter(unit_id=self.unit_id)
        if self.rule:
            records = records.filter(rule=self.rule)
        if self.text:
            words = Q(note__icontains=self.text) | Q(incident__icontains=self.text)
            records = records.filter(words | Q(level__icontains=self.text))
        return with_evidence_count(records).order_by("unit_id", "id")

    def query(self, **more: Any) -> str:
        """The query string showing this grid again (for the pages' links)."""
        chosen = {"node": self.node.code, "unit": self.unit_id or "", "rule": self.rule}
        return urlencode({**chosen, "q": self.text, **more})


def with_evidence_count(records: QuerySet[Record]) -> QuerySet[Record]:
    """Each record's number of evidence files, counted for the rows of the page only (a join
    and GROUP BY over the indicator's records would count all 20,000 before taking 50)."""
    files = RecordEvidence.objects.filter(record=OuterRef("pk")).order_by()
    counted = files.values("record").annotate(files=Count("pk")).values("files")
    return records.annotate(evidence_count=Coalesce(Subquery(counted), 0))


def rule_choices(node: engine.Node) -> list[tuple[str, str]]:
    """Each rule by its name; rules of one item that share a name (an import that could not
    name 「省级加2分」 and 「市级加1分」 apart) are told apart by what they do."""
    labels = engine.rule_kinds()
    rows = [rule_row(rule, labels) for rule in node.rules]
    names = Counter(row.label for row in rows)
    return [
        (row.id, f"{row.label}（{row.settings}）" if names[row.label] > 1 else row.label)
        for row in rows
    ]


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


def record_row(
    cycle: Cycle,
    node: engine.Node,
    record: Record,
    message: str = "",
    rules: list[tuple[str, str]] | None = None,
) -> Row:
    """``rules``: the node's rule choices, when the caller shows many rows of the node."""
    form = RecordForm(
        instance=record,
        initial={"version": record.version},
        rules=rule_choices(node) if rules is None else rules,
    )
    return Row(cycle, node, record.unit, form, message, record=record)


def new_row(
    cycle: Cycle,
    node: engine.Node,
    cycle_unit: CycleUnit,
    message: str = "",
    blank: RecordForm | None = None,
) -> Row:
    """``blank``: a blank form of the node to share (rendered once for every unit's row)."""
    return Row(cycle, node, cycle_unit, blank or RecordForm(rules=rule_choices(node)), message)


def unit_choices(cycle: Cycle) -> QuerySet[CycleUnit]:
    """The cycle's units as the grid names them (200 in a city: only what it shows is read;
    the cycle too, or the related manager reads it back unit by unit)."""
    return cycle.cycle_units.only("id", "cycle", "label").order_by("id")


def shown_units(cycle: Cycle, chosen: GridFilter) -> list[CycleUnit]:
    units = unit_choices(cycle)
    if chosen.unit_id is not None:
        units = units.filter(pk=chosen.unit_id)
    return list(units)


@dataclass
class GridRows:
    """The rows of one grid page, a part per unit (a tbody: its records on the page, then its
    new-record row), rendered by kaohe.fragments only where not cached for what it shows."""

    cycle: Cycle
    node: engine.Node

    @cached_property
    def rules(self) -> list[tuple[str, str]]:
        return rule_choices(self.node)

    @cached_property
    def blank(self) -> RecordForm:
        """The one blank form every unit's new-record row shows (its inputs rendered once)."""
        return RecordForm(rules=self.rules)

    def part(self, unit: CycleUnit, records: list[Record]) -> dict[str, Any]:
        rows = [record_row(self.cycle, self.node, r, rules=self.rules) for r in records]
        new = new_row(self.cycle, self.node, unit, blank=self.blank)
        return {"cycle_unit": unit, "rows": [*rows, new]}

    def shown(self, unit: CycleUnit, records: list[Record]) -> tuple[object, ...]:
        """Everything a unit's part shows: the indicator and its rules (the scheme version's),
        the unit, and each record's cells, version and number of evidence files."""
        cycle = self.cycle
        seen = [record_shown(record) for record in records]
        return (cycle.pk, cycle.scheme_version_id, self.node.code, unit.pk, unit.label, seen)


def record_shown(record: Record) -> tuple[object, ...]:
    return (
        record.pk,
        record.version,
        record.evidence_count,  # type: ignore[attr-defined]
        *(getattr(record, column) for column in GRID_COLUMNS),
    )


def grid_rows(
    request: HttpRequest, cycle: Cycle, chosen: GridFilter, page: Page[Record]
) -> SafeString:
    """The grid's rows: a grid read again costs its queries, not 250 rows of forms, and a
    saved record renders its unit's part again, not the other 199."""
    units = shown_units(cycle, chosen)
    on_page: dict[int, list[Record]] = {unit.pk: [] for unit in units}
    for record in page.object_list:
        on_page.get(record.unit_id, []).append(record)
    rows = GridRows(cycle, chosen.node)
    parts = [
        (rows.shown(unit, on_page[unit.pk]), partial(rows.part, unit, on_page[unit.pk]))
        for unit in units
    ]
    return rendered_parts(request, "cycles/_grid_unit.html", parts)


def grid_page(cycle: Cycle, chosen: GridFilter, number: str | None) -> Page[Record]:
    records = chosen.records(cycle).select_related("unit")
    return Paginator(records, PAGE_SIZE).get_page(number)
