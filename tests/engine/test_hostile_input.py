"""A scheme file with any junk in any place is refused with SchemeError, never a crash."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kaohe.engine import Facts, FactsError, Record, Scheme, SchemeError, compute, load_scheme

VALID: dict[str, Any] = {
    "format": "kaohe-scheme/1",
    "id": "fuzz",
    "name": "模糊测试",
    "formula": "日常 + 加分",
    "grades": [{"name": "优秀", "min": 90}, {"name": "一般"}],
    "excellence_quota": {"grade": "优秀", "ratio": 0.3, "demote_to": "一般"},
    "tie_breakers": ["total", "name"],
    "sections": [
        {
            "name": "日常",
            "points": 20,
            "children": [
                {
                    "name": "纪律",
                    "points": 10,
                    "rules": [{"id": "a", "kind": "per_occurrence", "amount": -1, "cap": 3}],
                },
                {
                    "name": "测评",
                    "points": 10,
                    "kind": "value",
                    "rules": [{"id": "b", "kind": "evaluation", "groups": {"领导": 1}}],
                },
            ],
        },
        {
            "name": "加分",
            "kind": "bonus",
            "rules": [{"id": "c", "kind": "rank", "metric": "日常", "sequence": [3, 2, 1]}],
        },
    ],
}

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


ALL_PATHS = paths(VALID)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), junk), min_size=1, max_size=3))
def test_junk_anywhere_is_refused_with_a_scheme_error_or_loads(changes: list[Any]) -> None:
    data = copy.deepcopy(VALID)
    for path, value in changes:
        target: Any = data
        try:
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    try:
        assert isinstance(load_scheme(data), Scheme)
    except SchemeError as error:
        assert error.problems and all(isinstance(problem, str) for problem in error.problems)


HOSTILE_SCHEME = load_scheme(
    {
        **VALID,
        "sections": [
            *VALID["sections"],
            {
                "name": "其他",
                "points": 30,
                "children": [
                    {
                        "name": "差额",
                        "points": 5,
                        "rules": [{"id": "d", "kind": "shortfall", "target": 10, "amount": -1}],
                    },
                    {
                        "name": "清单",
                        "points": 5,
                        "rules": [{"id": "e", "kind": "checklist", "tasks": ["甲"], "amount": -1}],
                    },
                    {
                        "name": "酌情",
                        "points": 5,
                        "rules": [{"id": "f", "kind": "discretionary", "min": 1, "max": 3}],
                    },
                    {
                        "name": "频次",
                        "points": 5,
                        "rules": [
                            {
                                "id": "g",
                                "kind": "frequency",
                                "minimum": 1,
                                "per": "month",
                                "amount": -1,
                            }
                        ],
                    },
                    {
                        "name": "折算",
                        "points": 5,
                        "kind": "value",
                        "rules": [{"id": "h", "kind": "conversion"}],
                    },
                    {
                        "name": "否决",
                        "points": 5,
                        "rules": [
                            {"id": "i", "kind": "veto", "consequence": "rank_last", "threshold": 2}
                        ],
                    },
                ],
            },
        ],
    }
)
maybe_number = st.one_of(st.none(), st.decimals(-1000, 1000, places=2))
hostile_records = st.lists(
    st.builds(
        Record,
        unit=st.sampled_from(["甲", "乙", ""]),
        indicator=st.sampled_from(["", "1.1", "3.2", "不存在", "日常/纪律"]),
        rule=st.sampled_from(["", "a", "b", "c", "d", "e", "f", "g", "h", "i", "zz"]),
        count=maybe_number,
        value=maybe_number,
        level=st.sampled_from(["", "甲", "领导", "省级"]),
        incident=st.sampled_from(["", "X"]),
        period=st.sampled_from(["", "2024-01", "2023-12", "2024-Q1", "全周期", "abc-x"]),
        share=st.one_of(st.none(), st.decimals(1, 5, places=0)),
        note=st.sampled_from(["", "理由"]),
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(hostile_records)
def test_any_records_are_scored_or_refused_with_a_facts_error(records: list[Record]) -> None:
    try:
        result = compute(HOSTILE_SCHEME, Facts.of(records, periods=["2024-01", "2024-02"]))
    except FactsError as error:
        assert error.problems and all(isinstance(problem, str) for problem in error.problems)
    else:
        for unit in result.units.values():
            assert all(
                isinstance(line, str) for node in unit.nodes.values() for line in node.explanation
            )
