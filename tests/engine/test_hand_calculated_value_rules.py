"""Value rules worked by hand where a third is involved: points × part ÷ whole is exact when the
hand figure is (3 tasks, 1 done, 3 分 → 1 分), not 0.9999… shown as ≈1."""

from __future__ import annotations

from .builders import D, node_score, record, scheme, score

THIRDS = """
- name: 任务
  points: 3
  kind: value
  rules: [{id: wc, kind: proportional, target: 3, unit: 项}]
- name: 折算
  points: 3
  kind: value
  rules: [{id: zs, kind: conversion, scale: 150}]
- name: 倒扣
  points: 3
  kind: penalty
  rules: [{id: dk, kind: conversion, scale: 150}]
- name: 测评
  points: 3
  kind: value
  rules: [{id: cp, kind: evaluation, groups: {领导: 0.5, 群众: 0.5}, scale: 150}]
"""


def test_a_third_of_three_points_is_one_point_in_every_value_rule():
    # 任务: 1 of 3 tasks done → 3 × 1 ÷ 3 = 1.
    # 折算: 50 of 150 → 50 × 3 ÷ 150 = 1.   倒扣: 100 of 150 → (100 − 150) × 3 ÷ 150 = −1.
    # 测评: 领导 50, 群众 50 → 50 × 0.5 + 50 × 0.5 = 50 → 50 × 3 ÷ 150 = 1.
    # total 1 + 1 − 1 + 1 = 2.
    records = [
        record("甲", "wc", value=1),
        record("甲", "zs", value=50),
        record("甲", "dk", value=100),
        record("甲", "cp", level="领导", value=50),
        record("甲", "cp", level="群众", value=50),
    ]
    result = score(scheme(THIRDS), records)
    assert [node_score(result, "甲", name) for name in ("任务", "折算", "倒扣", "测评")] == [
        1,
        1,
        -1,
        1,
    ]
    assert result.units["甲"].total == D("2.00")
    lines = [line for node in result.units["甲"].nodes.values() for line in node.explanation]
    assert not any("≈" in line for line in lines if "0.3333" not in line)
    assert "任务：完成 1项 / 目标 3项，3 分 × ≈0.3333 = 1 分" in lines
