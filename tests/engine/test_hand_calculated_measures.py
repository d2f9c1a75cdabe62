"""Measured and value rules worked by hand: shortfall, move_to, proportional, conversion (also on a
penalty item), a rank on record values with a tie, a unit without records."""

from __future__ import annotations

from kaohe.engine import Unit

from .builders import D, node_score, record, scheme, score

MEASURES = """
- name: 业务
  points: 50
  children:
    - name: 任务A
      points: 35
      rules:
        - {id: sf, kind: shortfall, target: 10, step: 1, amount: -1, unit: 万平方米}
    - name: 任务B
      points: 5
      not_applicable: {move_to: 任务A}
      rules:
        - {id: b, kind: per_occurrence, amount: -2}
    - name: 完成率
      points: 10
      kind: value
      rules:
        - {id: wcl, kind: proportional, target: 100}
- name: 折算
  points: 20
  kind: value
  rules:
    - {id: zs, kind: conversion}
- name: 倒扣
  points: 5
  kind: penalty
  rules:
    - {id: dk, kind: conversion}
- name: 排名
  kind: bonus
  cap: null
  rules:
    - {id: cx, kind: rank, metric: value, order: desc, sequence: [3, 2, 1]}
"""


def cycle():  # type: ignore[no-untyped-def]
    units = [Unit("甲"), Unit("乙", not_participating=("业务 › 任务B",)), Unit("丙"), Unit("丁")]
    r = record
    records = [
        r("甲", "sf", value="8.5"),
        r("乙", "sf", value=6),
        r("乙", "sf", value=3),
        r("丁", "sf", value=12),
        r("甲", "b", count=3),
        r("丁", "b"),
        r("甲", "wcl", value="87.5"),
        r("乙", "wcl", value=120),
        r("丁", "wcl", value="99.99"),
        r("甲", "zs", value=88),
        r("乙", "zs", value="90.5"),
        r("丙", "zs", value=100),
        r("丁", "zs", value="77.777"),
        r("甲", "dk", value=88),
        r("丙", "dk", value=50),
        r("丁", "dk", value=100),
        r("甲", "cx", value=5),
        r("乙", "cx", value=7),
        r("丙", "cx", value=7),
    ]
    return score(scheme(MEASURES), records, units=units)


def test_each_unit_total_and_rank_as_worked_by_hand():
    # 任务A 35, short of 10 by whole 万平方米 (floor): 甲 8.5 → 1 step → 34; 乙 6+3=9 → 34;
    #   丙 no record → nothing deducted → 35; 丁 12 → 35.
    # 任务B 5, −2 each, 扣完为止: 甲 3 → −6 → 0; 丙 5; 丁 3; 乙 does not take part, its 5 move
    #   to 任务A: 34 × (35 + 5) ÷ 35 = 38.857142…
    # 完成率 10 × min(actual/100, 1): 甲 8.75; 乙 10; 丙 none → 0 (warned); 丁 9.999.
    # 折算 value/100 × 20: 甲 17.6; 乙 18.1; 丙 20; 丁 77.777 → 15.5554.
    # 倒扣 (value − 100)/100 × 5: 甲 −0.6; 乙 none → 0 (warned); 丙 −2.5; 丁 0.
    # 排名 on 创新 values desc: 乙 7, 丙 7 share 1st → 3 each; 甲 5 is 3rd → 1; 丁 unranked.
    # 甲 34 + 0 + 8.75 + 17.6 − 0.6 + 1 = 60.75
    # 乙 38.857142… + 0 + 10 + 18.1 + 0 + 3 = 69.957142… → 69.96
    # 丙 35 + 5 + 0 + 20 − 2.5 + 3 = 60.5
    # 丁 35 + 3 + 9.999 + 15.5554 + 0 + 0 = 63.5544 → 63.55
    result = cycle()
    totals = {name: result.units[name].total for name in ("甲", "乙", "丙", "丁")}
    assert totals == {"甲": D("60.75"), "乙": D("69.96"), "丙": D("60.50"), "丁": D("63.55")}
    assert [result.units[name].rank for name in ("乙", "丁", "甲", "丙")] == [1, 2, 3, 4]
    assert node_score(result, "乙", "业务 › 任务B") == 0
    assert node_score(result, "乙", "排名") == node_score(result, "丙", "排名") == 3
    assert node_score(result, "丁", "排名") == 0
    assert node_score(result, "甲", "倒扣") == D("-0.6")


def test_missing_values_are_warned_not_silently_zero():
    result = cycle()
    assert any("完成率" in line for line in result.units["丙"].warnings)
    assert any("倒扣" in line for line in result.units["乙"].warnings)


def test_a_shortfall_met_in_full_deducts_nothing_and_says_so_without_a_minus_zero():
    # 丁 reported 12 against a target of 10: no step short, 扣 0 分 — never 「加 -0 分」.
    lines = cycle().units["丁"].nodes["业务 › 任务A"].explanation
    assert lines[0].endswith("差 0万平方米，每 1万平方米 扣 1 分（不足一档不计），扣 0 分")
    assert not any("-0" in line for line in lines)


def test_a_penalty_shortfall_met_in_full_is_zero_not_minus_zero_wherever_it_is_shown():
    # 扣分 (倒扣 5): target 10, actual 12 → 0 steps × −1 = 0; 倒扣 conversion 100 of 100 → 0.
    # total = 0.5 × 0 + 0 = 0 → "0.00", and every subtotal "0.00", never "-0.00".
    the_scheme = scheme(
        """
        - name: 倒扣
          kind: penalty
          points: 2
          rules: [{id: zs, kind: conversion}]
        - name: 扣分
          kind: penalty
          points: 5
          rules: [{id: sf, kind: shortfall, target: 10, step: 1, amount: -1}]
        """,
        formula="0.5*倒扣 + 扣分",
    )
    result = score(the_scheme, [record("甲", "zs", value=100), record("甲", "sf", value=12)])
    shown = result.to_dict()["units"][0]
    assert shown["total"] == "0.00"
    assert shown["sections"] == {"倒扣": "0.00", "扣分": "0.00"}
    assert [node["score"] for node in shown["nodes"]] == ["0.00", "0.00"]
    assert result.units["甲"].explanation[0] == "总分 = 0.5×倒扣(0) + 扣分(0) = 0 分"
