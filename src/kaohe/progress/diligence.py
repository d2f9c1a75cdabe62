"""写实考核: timeliness and completeness of progress reports, from kaohe's own records.

Only indicators the scheme marks `system: diligence` receive these records. An indicator whose name
mentions 材料 scores completeness, any other scores timeliness; a scheme with only one such
indicator scores both on it. For every report whose deadline has passed:

  timeliness   — 逾期未报 (never submitted): 0.5 each;  逾期报送 (first submitted late): 0.2 each
  completeness — 报送无证明材料 (submitted with no file): 0.2 each;  被退回 (each send-back): 0.1

A unit gets one record per indicator: for a `discretionary` rule the sum as its value (capped at
the rule's max; nothing when below its min); for `per_occurrence` or `lateness` rules the number of
findings as its count. docs/progress.md states the rule for users.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count
from django.utils import timezone

from kaohe import engine
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Cycle
from kaohe.progress.colours import submitted_on
from kaohe.progress.dues import Due, dues
from kaohe.progress.models import Evidence
from kaohe.progress.periods import cycle_periods

SYSTEM_MARK = "diligence"
SOURCE = "写实考核（系统计算）"


@dataclass(frozen=True)
class Finding:
    name: str
    amount: Decimal
    aspect: str  # timeliness | completeness


MISSING = Finding("逾期未报", Decimal("0.5"), "timeliness")
LATE = Finding("逾期报送", Decimal("0.2"), "timeliness")
NO_EVIDENCE = Finding("报送无证明材料", Decimal("0.2"), "completeness")
RETURNED = Finding("被退回", Decimal("0.1"), "completeness")
FINDINGS = (MISSING, LATE, NO_EVIDENCE, RETURNED)


def diligence_nodes(scheme: engine.Scheme) -> list[tuple[engine.Node, set[str]]]:
    """The indicators that score diligence, each with the aspects it scores."""
    marked = [node for node in scheme.nodes.values() if node.system == SYSTEM_MARK]
    if not marked:
        return []
    papers = [node for node in marked if "材料" in node.name]
    others = [node for node in marked if "材料" not in node.name]
    timeliness, completeness = (others or papers)[0], (papers or others)[0]
    if timeliness is completeness:
        return [(timeliness, {"timeliness", "completeness"})]
    return [(timeliness, {"timeliness"}), (completeness, {"completeness"})]


def findings_of(due: Due, evidence_count: int) -> Counter[Finding]:
    found: Counter[Finding] = Counter()
    submission = due.submission
    sent_on = submitted_on(submission) if submission else None
    if sent_on is None:
        found[MISSING] += 1
        return found
    if sent_on > due.period.due_on:
        found[LATE] += 1
    if evidence_count == 0:
        found[NO_EVIDENCE] += 1
    found[RETURNED] += submission.times_returned if submission else 0
    return found


def unit_findings(cycle: Cycle, today: date) -> dict[str, Counter[Finding]]:
    """unit label → its findings over every report whose deadline has passed."""
    cycle_units = list(cycle.cycle_units.all())
    evidence = dict(
        Evidence.objects.filter(submission__cycle_unit__cycle=cycle)
        .values_list("submission_id")
        .annotate(n=Count("id"))
    )
    found: dict[str, Counter[Finding]] = defaultdict(Counter)
    for due in dues(cycle, cycle_units, started_by=today):
        if due.period.due_on < today:
            count = evidence.get(due.submission.pk, 0) if due.submission else 0
            found[due.cycle_unit.label] += findings_of(due, count)
    return found


def explain(findings: Counter[Finding]) -> str:
    parts = [
        f"{finding.name} {count} 项（每项 {finding.amount} 分）"
        for finding, count in findings.items()
        if count
    ]
    return f"{SOURCE}：" + "、".join(parts)


def record_for(label: str, node: engine.Node, findings: Counter[Finding]) -> engine.Record | None:
    if not node.rules or not sum(findings.values()):
        return None
    rule = node.rules[0]
    base = {"unit": label, "indicator": node.path, "rule": rule.id, "source": SOURCE}
    if rule.kind in {"per_occurrence", "lateness"}:
        return engine.Record(count=Decimal(sum(findings.values())), note=explain(findings), **base)
    if rule.kind != "discretionary":
        return None
    total = sum((f.amount * n for f, n in findings.items()), Decimal(0))
    least = rule.settings.get("min", Decimal(0))
    most = rule.settings.get("max", total)
    if total < Decimal(str(least)):
        return None
    return engine.Record(value=min(total, Decimal(str(most))), note=explain(findings), **base)


def as_of(cycle: Cycle) -> date:
    """Today while the cycle is open; once it is locked, the day after its last deadline, so that
    a locked or published cycle's score no longer moves with the calendar."""
    if cycle.is_open:
        return timezone.localdate()
    last = max((period.due_on for period in cycle_periods(cycle)), default=cycle.ends_on)
    return last + timedelta(days=1)


def diligence_records(
    cycle: Cycle, today: date | None = None, *, scheme: engine.Scheme | None = None
) -> list[engine.Record]:
    """The engine records 写实考核 derives for the cycle as of today (deadlines passed by then)."""
    nodes = diligence_nodes(scheme or cycle_scheme(cycle))
    if not nodes:
        return []
    records = []
    for label, findings in sorted(unit_findings(cycle, today or as_of(cycle)).items()):
        for node, aspects in nodes:
            mine = Counter({f: n for f, n in findings.items() if f.aspect in aspects})
            record = record_for(label, node, mine)
            if record is not None:
                records.append(record)
    return records


def refresh_open_cycles() -> int:
    """Deadlines pass with nobody saving anything: tell results to recompute every open cycle
    that scores diligence (the daily run does this). Returns the cycles refreshed."""
    from kaohe.cycles.actions import notify_changed

    refreshed = 0
    for cycle in Cycle.objects.filter(status=Cycle.Status.OPEN).select_related("scheme_version"):
        if diligence_nodes(cycle_scheme(cycle)):
            notify_changed(cycle, None)
            refreshed += 1
    return refreshed
