"""Small schemes and facts for engine tests, written the way scheme authors write them."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from typing import Any

import yaml

from kaohe.engine import CycleResult, Facts, Record, Scheme, Unit, compute, load_scheme


def scheme(body: str, **top: Any) -> Scheme:
    """A scheme from the YAML of its sections (and any top-level keys given as arguments)."""
    data: dict[str, Any] = {"format": "kaohe-scheme/1", "id": "test", "name": "测试方案"}
    data |= top
    data["sections"] = yaml.safe_load(textwrap.dedent(body))
    return load_scheme(data)


def record(unit: str, rule: str, **fields: Any) -> Record:
    """A record; numbers may be given as ints or strings."""
    for key in ("count", "value", "share"):
        if key in fields and fields[key] is not None:
            fields[key] = Decimal(str(fields[key]))
    return Record(unit, rule=rule, **fields)


def score(
    the_scheme: Scheme,
    records: list[Record],
    units: list[Unit] | None = None,
    **facts: Any,
) -> CycleResult:
    return compute(the_scheme, Facts.of(records, units=units or [], **facts))


def node_score(result: CycleResult, unit: str, path: str) -> Decimal:
    return result.units[unit].nodes[path].score


def D(text: str | int) -> Decimal:
    return Decimal(str(text))


ONE_ITEM = """
- name: 工作纪律
  points: 10
  rules:
    - {id: late, kind: per_occurrence, label: 迟到早退, amount: -0.5, unit: 人次}
    - {id: absent, kind: per_occurrence, label: 旷工, amount: -2}
"""
