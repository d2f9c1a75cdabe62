"""A unit's facts arranged for its rules: records by rule id, evaluation scores by item path."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import cast

from kaohe.engine.compute.plan import Plan, resolve
from kaohe.engine.model.facts import EvaluationScore, Record, UnitFacts
from kaohe.engine.rules.base import UnitView, where


def unit_view(plan: Plan, unit_facts: UnitFacts, problems: list[str]) -> UnitView:
    """What the unit's rules may look at; records and scores that name nothing go to problems."""
    grouped, special = records_by_rule(plan, unit_facts.records, problems)
    return UnitView(
        unit=unit_facts.unit,
        records_by_rule=grouped,
        evaluations_by_path=evaluations_by_path(plan, unit_facts.evaluations, problems),
        periods=unit_facts.periods,
        special=frozenset(special),
        as_of=unit_facts.as_of,
    )


Written = str | tuple[str, str]  # a rule id alone, or (指标, 规则) when 指标 is filled in


def records_by_rule(
    plan: Plan, records: Sequence[Record], problems: list[str]
) -> tuple[dict[str, list[Record]], set[str]]:
    """The unit's records by rule id, and the rules with incident or shared records."""
    written, unusual = as_written(records)
    if written.keys() <= plan.scheme.rules.keys():  # each record names a rule and nothing else
        return cast(dict[str, list[Record]], written), cast(set[str], unusual)
    grouped: dict[str, list[Record]] = {}
    special: set[str] = set()
    for key, bucket in written.items():
        found = resolve(plan, *(("", key) if isinstance(key, str) else key))
        if isinstance(found, str):
            problems.extend(f"{where(record)}：{found}" for record in bucket)
            continue
        if found.id in grouped:
            grouped[found.id].extend(bucket)
        else:
            grouped[found.id] = bucket
        if key in unusual:
            special.add(found.id)
    return grouped, special


def as_written(records: Sequence[Record]) -> tuple[dict[Written, list[Record]], set[Written]]:
    """Records grouped by their 指标 and 规则 columns as written (resolving each distinct pair
    once is much cheaper than resolving every record), and the keys with a record under an
    incident or with shared credit. A record that names only its rule is keyed by the rule id,
    so that when every record does, the grouping is already by rule."""
    written: dict[Written, list[Record]] = {}
    unusual: set[Written] = set()
    for record in records:
        key = (record.indicator, record.rule) if record.indicator else record.rule
        bucket = written.get(key)
        if bucket is None:
            written[key] = [record]
        else:
            bucket.append(record)
        if record.incident or record.share:
            unusual.add(key)
    return written, unusual


def evaluations_by_path(
    plan: Plan, evaluations: Sequence[EvaluationScore], problems: list[str]
) -> dict[str, list[EvaluationScore]]:
    grouped: dict[str, list[EvaluationScore]] = defaultdict(list)
    for evaluation in evaluations:
        node = plan.scheme.find_node(evaluation.indicator)
        if node is None:
            problems.append(
                f"单位「{evaluation.unit}」的测评分：找不到指标「{evaluation.indicator}」"
            )
        else:
            grouped[node.path].append(evaluation)
    return grouped
