"""Rules that set an item's value: conversion, proportional completion, evaluations, manual."""

from __future__ import annotations

import pytest

from kaohe.engine import EvaluationScore, Unit

from .builders import D, node_score, record, scheme, score


def test_a_converted_score_is_scaled_onto_the_items_points() -> None:
    body = """
    - name: 工业竞赛
      points: 5
      kind: value
      rules: [{id: gy, kind: conversion, scale: 100}]
    """
    result = score(scheme(body), [record("甲", "gy", value=96)])
    assert node_score(result, "甲", "工业竞赛") == D("4.8")


def test_a_penalty_item_converts_the_points_lost_elsewhere() -> None:
    body = """
    - name: 五城同创
      points: 5
      kind: penalty
      rules: [{id: wc, kind: conversion, scale: 100}]
    """
    records = [
        record("甲", "wc", value=88),
        record("乙", "wc", value=100),
        record("丙", "wc", value=-50),
    ]
    result = score(scheme(body), records)
    assert node_score(result, "甲", "五城同创") == D("-0.6")
    assert node_score(result, "乙", "五城同创") == 0
    assert node_score(result, "丙", "五城同创") == -5


def test_proportional_completion_never_exceeds_the_points() -> None:
    body = """
    - name: 项目投资
      points: 10
      kind: value
      rules: [{id: tz, kind: proportional, target: 8, unit: 亿元}]
    """
    result = score(scheme(body), [record("甲", "tz", value=6), record("乙", "tz", value=9)])
    assert node_score(result, "甲", "项目投资") == D("7.5")
    assert node_score(result, "乙", "项目投资") == 10


def test_an_unset_value_scores_zero_with_a_warning() -> None:
    body = """
    - name: 项目投资
      points: 10
      kind: value
      rules: [{id: tz, kind: manual}]
    """
    result = score(scheme(body), [], units=[Unit("甲")])
    assert node_score(result, "甲", "项目投资") == 0
    assert result.units["甲"].warnings == ["甲：「项目投资」未评定，按 0 分计"]


EVALUATION = """
- name: 领导评价
  points: 20
  kind: value
  rules:
    - id: ld
      kind: evaluation
      groups: {市委市政府: 0.6, 人大政协: 0.4}
      rounds: {半年: 0.25, 年终: 0.75}
"""


def scores(unit: str, *rows: tuple[str, str, int]) -> list[EvaluationScore]:
    return [
        EvaluationScore(unit, "领导评价", group, D(value), round_) for group, round_, value in rows
    ]


def test_evaluations_are_weighted_across_groups_and_rounds() -> None:
    evaluations = scores(
        "甲",
        ("市委市政府", "半年", 80),
        ("人大政协", "半年", 90),
        ("市委市政府", "年终", 90),
        ("人大政协", "年终", 100),
    )
    result = score(scheme(EVALUATION), [], evaluations=evaluations)
    # 半年 84 × ¼ + 年终 94 × ¾ = 91.5 → 91.5% of 20 points.
    assert node_score(result, "甲", "领导评价") == D("18.3")


def test_several_ballots_for_one_group_are_averaged() -> None:
    body = """
    - name: 班子测评
      points: 10
      kind: value
      rules: [{id: bz, kind: evaluation, groups: {主要领导: 0.5, 分管领导: 0.5}}]
    """
    records = [
        record("甲", "bz", level="主要领导", value=90),
        record("甲", "bz", level="分管领导", value=80),
        record("甲", "bz", level="分管领导", value=100),
    ]
    assert node_score(score(scheme(body), records), "甲", "班子测评") == 9


def test_a_missing_group_score_counts_zero_and_is_warned() -> None:
    evaluations = scores("甲", ("市委市政府", "半年", 80), ("市委市政府", "年终", 80))
    result = score(scheme(EVALUATION), [], evaluations=evaluations)
    assert node_score(result, "甲", "领导评价") == D("9.6")
    assert any("缺少「半年人大政协」的测评分" in w for w in result.units["甲"].warnings)


def test_a_manual_value_can_still_take_deductions() -> None:
    body = """
    - name: 自评
      points: 100
      kind: value
      rules:
        - {id: zp, kind: manual}
        - {id: kf, kind: per_occurrence, amount: -2}
    """
    result = score(scheme(body), [record("甲", "zp", value=93), record("甲", "kf")])
    assert node_score(result, "甲", "自评") == 91


def test_an_evaluation_score_for_an_unknown_group_or_out_of_range_is_reported() -> None:
    from kaohe.engine import FactsError

    evaluations = scores("甲", ("群众", "年终", 90))
    bad_record = record("甲", "ld", level="市委市政府", period="年终", value=120, source="第 3 行")
    with pytest.raises(FactsError) as caught:
        score(scheme(EVALUATION), [bad_record], evaluations=evaluations)
    assert caught.value.problems == (
        "单位「甲」的测评分：测评组「群众」不在（市委市政府、人大政协）中（规则「领导评价」）",
        "第 3 行：测评分 120 不在 0–100 之间（规则「领导评价」）",
    )
