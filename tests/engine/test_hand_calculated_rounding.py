"""Rounding worked by hand: once at the total (the default) against 四舍五入 at each section
written into the formula, half-up where banker's rounding would differ, and ties on what the
ranking shows."""

from __future__ import annotations

import pytest

from kaohe.engine import SchemeError, Unit

from .builders import D, record, scheme, score

THIRDS = """
- name: 甲项
  points: 10
  kind: value
  rules: [{id: a, kind: proportional, target: 3}]
- name: 乙项
  points: 10
  kind: value
  rules: [{id: b, kind: proportional, target: 3}]
- name: 丙项
  points: 10
  kind: value
  rules: [{id: c, kind: conversion}]
"""
EACH_SECTION = "round(甲项, 2) + round(乙项, 2) + round(丙项, 2)"


def records():  # type: ignore[no-untyped-def]
    r = record
    return [
        *(r("U", "a", value=2), r("U", "b", value=2), r("U", "c", value="86.45")),
        *(r("W", "a", value=2), r("W", "b", value=2), r("W", "c", value="86.5")),
    ]


def test_the_total_is_rounded_once_unless_the_formula_rounds_each_section():
    # U: 甲 10 × 2 ÷ 3 = 6.6666…, 乙 6.6666…, 丙 86.45 × 10 ÷ 100 = 8.645.
    # Rounded once: 21.97833… → 21.98.
    # 各项保留两位小数 (round each section, half-up): 6.67 + 6.67 + 8.65 = 21.99
    #   (8.645 → 8.65 half-up; banker's rounding would give 8.64 and 21.98).
    once = score(scheme(THIRDS), records())
    assert once.units["U"].total == D("21.98")
    assert once.units["U"].explanation == [
        "总分 = 甲项(≈6.6667) + 乙项(≈6.6667) + 丙项(8.645) = ≈21.9783 分",
        "按 2 位小数四舍五入，总分 21.98 分",
    ]
    each = score(scheme(THIRDS, formula=EACH_SECTION), records())
    assert each.units["U"].total == D("21.99")
    assert each.units["U"].explanation[0] == (
        "总分 = round(甲项(≈6.6667), 2) + round(乙项(≈6.6667), 2)"
        " + round(丙项(8.645), 2) = 21.99 分"
    )


def test_ties_are_judged_on_the_rounded_figures_the_ranking_shows():
    # U: 21.97833… → 21.98, 丙项 8.645 shown 8.65.  W: 6.6666… × 2 + 8.65 = 21.98333… → 21.98,
    #   丙项 8.65.  Equal on the total and on 丙项 as shown → the name decides: U, then W.
    #   (kaohe compared 丙项 unrounded, 8.65 > 8.645, and put W first.)
    # Breaking on the total alone, U and W share the first place, listed by name.
    units = [Unit("W"), Unit("U")]
    on_section = scheme(THIRDS, tie_breakers=["total", "丙项", "name"])
    result = score(on_section, records(), units=units)
    assert [(name, unit.rank) for name, unit in result.units.items()] == [("U", 1), ("W", 2)]
    assert result.units["U"].to_dict(on_section)["sections"]["丙项"] == "8.65"
    total_only = score(scheme(THIRDS), records(), units=units)
    assert [(name, unit.rank) for name, unit in total_only.units.items()] == [("U", 1), ("W", 1)]


def test_one_decimal_half_up_before_the_grade():
    # decimals: 1. V: 甲 10 × 2.697 ÷ 3 = 8.99; 乙 10; 丙 71 × 10 ÷ 100 = 7.1 → 26.09 → 26.1.
    #   Bands 良好 ≥ 26.1: graded on the rounded 26.1 → 良好.
    grades = [{"name": "良好", "min": "26.1"}, {"name": "一般"}]
    the_scheme = scheme(THIRDS, decimals=1, grades=grades)
    r = record
    rows = [r("V", "a", value="2.697"), r("V", "b", value=3), r("V", "c", value=71)]
    result = score(the_scheme, rows)
    assert (str(result.units["V"].total), result.units["V"].grade) == ("26.1", "良好")


ITEMS_ROUNDED = """
- name: 业务
  points: 30
  children:
    - name: 甲项
      points: 10
      kind: value
      decimals: 2
      rules: [{id: a, kind: proportional, target: 3}]
    - name: 乙项
      points: 10
      kind: value
      decimals: 2
      rules: [{id: b, kind: proportional, target: 3}]
    - name: 丙项
      points: 10
      kind: value
      decimals: 2
      rules: [{id: c, kind: conversion}]
"""


def test_items_rounded_as_the_scheme_says_add_up_to_the_section():
    # 各项得分保留两位小数 (decimals: 2 on each item): U's 甲 6.6666… → 6.67, 乙 6.67,
    #   丙 8.645 → 8.65; 业务 = 6.67 + 6.67 + 8.65 = 21.99, and the total 21.99 — what the
    #   clerk's sheet adds up to (rounded once at the total it was 21.98, beside items shown
    #   as 6.67, 6.67 and 8.65).
    result = score(scheme(ITEMS_ROUNDED), records())
    unit = result.units["U"]
    assert unit.nodes["业务 › 甲项"].score == D("6.67")
    assert unit.nodes["业务 › 丙项"].score == D("8.65")
    assert unit.nodes["业务"].explanation == ["各项合计 21.99 分"]
    assert unit.total == D("21.99")
    assert unit.nodes["业务 › 丙项"].explanation[-1] == "本项保留 2 位小数（四舍五入），得 8.65 分"


def test_an_item_with_records_is_rounded_and_explained_in_full():
    # 迟报 每次扣 0.125 分, 本项保留两位小数: 3 × 0.125 = 0.375 → 10 − 0.375 = 9.625 → 9.63.
    body = """
    - name: 日常
      points: 10
      decimals: 2
      rules: [{id: cb, kind: per_occurrence, amount: -0.125, label: 迟报}]
    """
    result = score(scheme(body), [record("U", "cb", count=3)])
    assert result.units["U"].total == D("9.63")
    assert result.units["U"].nodes["日常"].explanation == [
        "迟报：3 次 × 0.125 分，扣 0.375 分",
        "满分 10 分，合计扣 0.375 分，得 9.625 分",
        "本项保留 2 位小数（四舍五入），得 9.63 分",
    ]
    with pytest.raises(SchemeError, match="「decimals」只能用于末级指标"):
        scheme("- {name: 业务, points: 10, decimals: 2, children: [{name: 甲, points: 10}]}")


ONE_ITEM = """
- name: 业绩
  points: 100
  kind: value
  rules: [{id: yj, kind: manual}]
"""


def quota_grades(ratio: str, rounding: str | None):  # type: ignore[no-untyped-def]
    quota = {"grade": "优秀", "ratio": ratio, "demote_to": "良好"}
    if rounding:
        quota["rounding"] = rounding
    the_scheme = scheme(
        ONE_ITEM,
        grades=[{"name": "优秀", "min": 90}, {"name": "良好", "min": 80}, {"name": "一般"}],
        excellence_quota=quota,
    )
    marks = {"A": 98, "B": 96, "C": 94, "D": 92, "E": 85}
    result = score(the_scheme, [record(name, "yj", value=v) for name, v in marks.items()])
    return [unit.grade for unit in result.units.values()]


def test_the_quota_is_rounded_as_the_scheme_says():
    # Four units reach 优秀 (98, 96, 94, 92); E 85 is 良好 by band. 5 ranked units.
    # 优秀比例 30%: 0.3 × 5 = 1.5 → 不超过 (floor) 1 place; 四舍五入 2; 不足 1 个按 1 个 2.
    # 优秀比例 25%: 0.25 × 5 = 1.25 → floor 1; 四舍五入 1; ceil 2.
    # (Before, the scheme could not say 四舍五入: every quota was floored.)
    one = ["优秀", "良好", "良好", "良好", "良好"]
    two = ["优秀", "优秀", "良好", "良好", "良好"]
    assert quota_grades("0.3", None) == one
    assert quota_grades("0.3", "half_up") == two
    assert quota_grades("0.3", "ceil") == two
    assert quota_grades("0.25", "half_up") == one
    assert quota_grades("0.25", "ceil") == two
