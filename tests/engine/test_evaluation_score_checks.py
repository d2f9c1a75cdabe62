"""An evaluator group's score checked against its item's rule before it is saved."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kaohe.engine import EvaluationScore, evaluation_score_problems
from tests.engine.builders import scheme

SCHEME = scheme("""
- name: 班子测评
  kind: value
  points: 10
  rules: [{id: eval, kind: evaluation, label: 班子测评, groups: {主要领导: 0.5, 分管领导: 0.5}}]
- name: 群众评议
  kind: value
  points: 10
  rules:
    - {id: public, kind: evaluation, groups: {群众: 1}, rounds: {半年: 0.25, 年终: 0.75}, scale: 10}
- name: 日常考核
  points: 20
  rules: [{id: late, kind: per_occurrence, label: 迟到早退, amount: -0.5}]
""")


def problems(indicator: str, group: str, score: str, round_name: str = "") -> list[str]:
    typed = EvaluationScore("办公室", indicator, group, Decimal(score), round_name)
    return evaluation_score_problems(SCHEME, typed)


def test_a_score_of_a_group_within_0_to_100_has_no_problem() -> None:
    assert problems("班子测评", "主要领导", "0") == problems("班子测评", "分管领导", "100") == []


@pytest.mark.parametrize(
    ("score", "said"),
    [
        ("100.001", "测评得分应在 0 到 100 之间（填写的是 100.001）"),
        ("-0.5", "测评得分应在 0 到 100 之间（填写的是 -0.5）"),
        ("1e999", "测评得分应在 0 到 100 之间（填写的是 1.0e+999）"),
        ("NaN", "测评得分应为 0 到 100 之间的数字（填写的是 NaN）"),
        ("sNaN", "测评得分应为 0 到 100 之间的数字（填写的是 sNaN）"),
        ("-Infinity", "测评得分应为 0 到 100 之间的数字（填写的是 -Infinity）"),
    ],
)
def test_a_score_outside_the_scale_or_not_a_number_is_named(score: str, said: str) -> None:
    assert problems("班子测评", "主要领导", score) == [said]


def test_the_scale_the_scheme_sets_bounds_the_score() -> None:
    assert problems("群众评议", "群众", "10", "年终") == []
    assert problems("群众评议", "群众", "11", "年终") == [
        "测评得分应在 0 到 10 之间（填写的是 11）"
    ]


def test_a_group_round_or_item_the_scheme_does_not_have_is_named() -> None:
    assert problems("班子测评", "群众", "80") == ["评议组「群众」不在（主要领导、分管领导）中"]
    assert problems("群众评议", "群众", "8", "一季度") == ["轮次「一季度」不在（半年、年终）中"]
    assert problems("日常考核", "群众", "8") == ["「日常考核」不是方案中的测评类指标"]
