"""The order of docs/scoring.md, one step against the next: changing it changes these numbers."""

from __future__ import annotations

from decimal import Decimal

from kaohe.engine import Unit

from .builders import D, node_score, record, scheme, score


def test_the_category_multiplier_applies_before_the_rule_cap() -> None:
    body = """
    - name: 投诉
      points: 10
      rules: [{id: ts, kind: per_occurrence, amount: -1.5, cap: 2, multipliers: {窗口科室: 2}}]
    """
    the_scheme = scheme(body, categories=["窗口科室"])
    result = score(the_scheme, [record("窗口", "ts")], units=[Unit("窗口", ("窗口科室",))])
    assert node_score(result, "窗口", "投诉") == 8  # 1.5 × 2 = 3, capped at 2


def test_a_childs_deductions_stop_at_its_floor_and_never_spill_into_its_siblings() -> None:
    body = """
    - name: 日常
      children:
        - {name: 甲, points: 10, rules: [{id: a, kind: per_occurrence, amount: -15}]}
        - {name: 乙, points: 10}
    """
    assert node_score(score(scheme(body), [record("单位", "a")]), "单位", "日常") == 10


def test_the_participants_average_leaves_out_their_ranking_bonus() -> None:
    body = """
    - name: 窗口
      points: 10
      applies_to: [窗口科室]
      rules:
        - {id: ts, kind: per_occurrence, amount: -2}
        - {id: pm, kind: rank, metric: value, sequence: [4]}
    """
    the_scheme = scheme(body, categories=["窗口科室"], formula="窗口")
    units = [Unit("甲", ("窗口科室",)), Unit("乙", ("窗口科室",)), Unit("丙")]
    records = [
        record("甲", "ts", count=3),
        record("甲", "pm", value=9),
        record("乙", "pm", value=1),
    ]
    result = score(the_scheme, records, units=units)
    assert node_score(result, "甲", "窗口") == 8  # 10 − 6 + 4 for first place
    assert node_score(result, "丙", "窗口") == 7  # the average of 4 and 10, before any bonus


def test_a_unit_that_lost_excellence_takes_no_quota_place() -> None:
    body = """
    - name: 业务
      points: 100
      rules:
        - {id: kf, kind: per_occurrence, amount: -1}
        - {id: noex, kind: veto, consequence: no_excellence}
    """
    grades = [{"name": "优秀", "min": 90}, {"name": "良好"}]
    quota = {"grade": "优秀", "ratio": 0.5, "demote_to": "良好"}
    the_scheme = scheme(body, grades=grades, excellence_quota=quota)
    records = [
        record("甲", "noex"),
        record("乙", "kf"),
        record("丙", "kf", count=2),
        record("丁", "kf", count=3),
    ]
    grades_by_unit = {u.unit: u.grade for u in score(the_scheme, records).units.values()}
    assert grades_by_unit == {"甲": "良好", "乙": "优秀", "丙": "优秀", "丁": "良好"}


def test_the_total_is_rounded_once_from_exact_subtotals() -> None:
    body = """
    - name: 甲
      points: 100
      kind: value
      rules: [{id: a, kind: conversion, scale: 3}]
    - name: 乙
      points: 100
      kind: value
      rules: [{id: b, kind: conversion, scale: 3}]
    """
    result = score(scheme(body), [record("单位", "a", value=1), record("单位", "b", value=1)])
    unit = result.units["单位"]
    assert unit.to_dict(result.scheme)["sections"] == {"甲": "33.33", "乙": "33.33"}
    assert unit.total == Decimal("66.67")  # not 33.33 + 33.33


def test_a_zero_veto_acts_on_the_formula_total_not_on_an_item() -> None:
    body = """
    - name: 业务
      points: 80
      rules: [{id: sw, kind: veto, consequence: zero}]
    - name: 加分
      kind: bonus
      rules: [{id: jf, kind: per_occurrence, amount: 2}]
    """
    result = score(scheme(body), [record("甲", "sw"), record("甲", "jf")])
    unit = result.units["甲"]
    assert (unit.sections["业务"], unit.formula_total, unit.total) == (80, 82, D("0.00"))
