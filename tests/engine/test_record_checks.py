"""A record checked against its rule before it is saved: each problem names its field."""

from __future__ import annotations

import datetime

import pytest

from kaohe.engine import FieldProblem, record_problems
from tests.engine.builders import record, scheme

SCHEME = scheme("""
- name: 日常考核
  points: 20
  rules:
    - {id: late, kind: per_occurrence, label: 迟到早退, amount: -0.5}
    - {id: award, kind: tiered, label: 受表彰, levels: {本级: 1, 市级: 2, 省级: 3}}
    - {id: tasks, kind: checklist, label: 重点任务, tasks: [证照分离], amount: -2}
    - {id: light, kind: colour, label: 亮灯, map: {绿灯: 0, 红灯: -2}}
    - {id: zq, kind: discretionary, label: 酌情扣分, min: 1, max: 5}
- name: 班子测评
  kind: value
  points: 10
  rules: [{id: eval, kind: evaluation, label: 班子测评, groups: {主要领导: 0.5, 分管领导: 0.5}}]
- name: 折算
  kind: value
  points: 10
  rules: [{id: conv, kind: conversion, label: 折算, scale: 100}]
""")
QUARTER = (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30))


def problems(rule: str, **fields: object) -> list[str]:
    return [str(p) for p in record_problems(SCHEME, record("办公室", rule, **fields), QUARTER)]


def test_a_good_record_has_no_problem() -> None:
    assert problems("late", count=3, date=datetime.date(2026, 5, 5), note="三人迟到") == []


def test_a_record_that_carries_nothing_is_blank() -> None:
    [problem] = record_problems(SCHEME, record("办公室", "late"), QUARTER)
    assert problem == FieldProblem("", "这是一条空记录：次数、数值、级别、说明等至少填写一项")


@pytest.mark.parametrize(
    ("rule", "fields", "expected"),
    [
        ("late", {"count": -3}, "「次数」不能为负数或零（填写的是 -3）"),
        ("late", {"count": 99_999_999}, "「次数」99999999 超出合理范围（最多 100000）"),
        ("late", {"count": 1, "share": 0}, "「分摊」不能为负数或零（填写的是 0）"),
        ("conv", {"value": 99_999_999}, "「数值」99999999 超出合理范围（最多 10000000）"),
        (
            "eval",
            {"value": 150, "level": "主要领导"},
            "「数值」应在 0～100 之间（规则「班子测评」），填写的是 150",
        ),
        ("conv", {"value": -1}, "「数值」应在 0～100 之间（规则「折算」），填写的是 -1"),
        ("zq", {"value": 6, "note": "x"}, "「数值」应在 1～5 之间（规则「酌情扣分」），填写的是 6"),
        (
            "award",
            {"level": "国家级"},
            "「级别」「国家级」不在规则「受表彰」的级别（本级、市级、省级）中",
        ),
        (
            "tasks",
            {"level": "一件事"},
            "「级别」「一件事」不在规则「重点任务」的级别（证照分离）中",
        ),
        ("light", {"level": "蓝灯"}, "「级别」「蓝灯」不在规则「亮灯」的级别（绿灯、红灯）中"),
        (
            "eval",
            {"value": 90, "level": "群众"},
            "「级别」「群众」不在规则「班子测评」的级别（主要领导、分管领导）中",
        ),
        (
            "late",
            {"count": 1, "date": datetime.date(2019, 5, 1)},
            "「日期」2019-05-01 不在考核周期（2026-04-01～2026-06-30）内",
        ),
    ],
)
def test_each_problem_names_its_field(rule: str, fields: dict[str, object], expected: str) -> None:
    assert problems(rule, **fields) == [expected]


def test_a_level_is_free_where_the_rule_reads_none() -> None:
    assert problems("late", count=1, level="任意") == []
