"""The tally in words: on a unit's breakdown (the explanation of an evaluation item) and the
office's counts per group (issued / returned / valid), never who voted what."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from kaohe.cycles.models import CycleUnit
from kaohe.evaluations.actions.counting import issued_by_session, rules_of
from kaohe.evaluations.models import Evaluation, EvaluatorGroup, TallyRow
from kaohe.evaluations.tallying import CastBallot, is_blank


def number(value: Any) -> str:
    return f"{value.normalize():f}" if value is not None else "—"


def tally_line(row: TallyRow) -> str:
    group = row.group
    parts = [f"计入 {row.counted} 票", f"无效 {row.void} 票", f"未作评价 {row.no_answer} 票"]
    if row.dropped:
        parts.append("去掉一个最高分和一个最低分")
    mean = f"平均 {number(row.mean)} 分" if row.mean is not None else "无有效评价"
    source = f"测评「{group.evaluation}」{group.name}（计入「{group.scheme_group}」）"
    text = f"{source}：{'，'.join(parts)}，{mean}"
    return f"{text}（{row.note}）" if row.note and row.note != mean else text


def tally_lines(cycle_unit: CycleUnit) -> dict[str, list[str]]:
    """Per evaluation item's path: one line per counted group that rated the unit."""
    rows = TallyRow.objects.filter(
        cycle_unit=cycle_unit, group__evaluation__status=Evaluation.Status.COUNTED
    ).select_related("group__evaluation")
    lines: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        lines[row.group.node_path].append(tally_line(row))
    return dict(lines)


def with_tally_lines(rows: list[Any], cycle_unit: CycleUnit) -> list[Any]:
    """A unit's breakdown rows with each evaluation item's tally added to its explanation."""
    lines = tally_lines(cycle_unit)
    for row in rows:
        if row.path in lines:
            row.explanation = [*row.explanation, *lines[row.path]]
    return rows


@dataclass(frozen=True)
class GroupCounts:
    group: EvaluatorGroup
    issued: int
    returned: int
    valid: int


def live_counts(evaluation: Evaluation, is_test: bool = False) -> list[GroupCounts]:
    """Counts per group as they stand (a blank ballot is not valid when the rule says so)."""
    counts = []
    for group in evaluation.groups.all():
        ballots = group.ballots.filter(is_test=is_test).values_list("marks", flat=True)
        rules = rules_of(group)
        blank = sum(1 for marks in ballots if is_blank(CastBallot(marks), rules))
        returned = len(ballots)
        valid = returned - blank if rules.void_blank else returned
        issued = sum(issued_by_session(group, is_test).values())
        counts.append(GroupCounts(group, issued, returned, valid))
    return counts


def count_outcome(evaluation: Evaluation) -> tuple[bool, str]:
    """What the last count sent to the scheme, for the office's message: whether any group's
    score went to its item, and how many units' scores did (a row with a mean and no refusal)."""
    sent = TallyRow.objects.filter(group__evaluation=evaluation, mean__isnull=False, note="")
    units = sent.values("cycle_unit").distinct().count()
    if not units:
        return (
            False,
            "计票完成，但没有得分计入方案的测评指标：各评议组未计分的原因见计票结果的「说明」",
        )
    return True, f"计票完成，{units} 个单位的得分已计入方案的测评指标"
