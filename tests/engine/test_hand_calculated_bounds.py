"""Caps, floors, 就高, escalation, shared credit, colours and tiers worked by hand: deductions
larger than an item's points, caps reached exactly, floors below zero at item and section level."""

from __future__ import annotations

from kaohe.engine import Unit

from .builders import D, node_score, record, scheme, score

BOUNDS = """
- name: 日常
  points: 20
  floor: 0
  children:
    - name: 纪律
      points: 5
      floor: -1
      rules:
        - {id: kg, kind: per_occurrence, amount: -2, label: 旷工}
        - {id: cd, kind: per_occurrence, amount: -1, cap: 3, label: 迟到}
    - name: 安全
      points: 5
      rules:
        - {id: yh, kind: per_occurrence, amount: -0.5, cap: 2, label: 隐患}
        - {id: sg, kind: zero_on_event, label: 安全事故}
    - name: 重点
      points: 10
      floor: -10
      rules:
        - {id: rw, kind: checklist, tasks: [甲事, 乙事, 丙事], amount: -4}
- name: 倒扣
  kind: penalty
  points: 3
  rules:
    - {id: tb, kind: per_occurrence, amount: -1.5}
- name: 加分
  kind: bonus
  points: 5
  rules:
    - {id: bz, kind: tiered, levels: {本级: 1, 市级: 2, 省级: 3}, highest_only: true, label: 表彰}
    - {id: xx, kind: tiered, levels: {市级: 0.5, 省级: 1}, highest_only: false, label: 信息}
"""


def test_item_and_section_bounds_as_worked_by_hand():
    r = record
    records = [
        # 甲 纪律: 旷工 4 × −2 = −8, 迟到 3 × −1 = −3 (cap 3 reached exactly) → 5 − 11 = −6,
        #   floor −1 → −1.  安全: 4 × −0.5 = −2 (cap 2 exactly) → 3.  重点: 甲事 twice counts
        #   once → 10 − 4 = 6.  日常 = −1 + 3 + 6 = 8.  倒扣 −1.5.
        #   加分: 表彰 highest only 省级 3; 信息 all levels 0.5 + 1 = 1.5; 4.5 ≤ 5.
        #   total 8 − 1.5 + 4.5 = 11.0
        r("甲", "kg", count=4),
        r("甲", "cd", count=3),
        r("甲", "yh", count=4),
        r("甲", "rw", level="甲事"),
        r("甲", "rw", level="甲事"),
        r("甲", "tb"),
        r("甲", "bz", level="市级"),
        r("甲", "bz", level="省级"),
        r("甲", "xx", level="市级"),
        r("甲", "xx", level="省级"),
        # 乙 纪律: 迟到 5 × −1 = −5, cap 3 → 2.  安全: 事故 → 0 whatever the deductions.
        #   重点: three tasks × −4 = −12 → −2 (floor −10 not reached).  日常 = 2 + 0 − 2 = 0.
        #   倒扣: 3 × −1.5 = −4.5 → −3 (allowance 3).  加分: 本级 1 + 信息 3 × 0.5 = 2.5.
        #   total 0 − 3 + 2.5 = −0.5
        r("乙", "cd", count=5),
        r("乙", "yh", count=5),
        r("乙", "sg"),
        r("乙", "rw", level="甲事"),
        r("乙", "rw", level="乙事"),
        r("乙", "rw", level="丙事"),
        r("乙", "tb", count=3),
        r("乙", "bz", level="本级"),
        r("乙", "xx", level="市级", count=3),
    ]
    # 丙 has no records: 20 + 0 + 0 = 20.0
    result = score(scheme(BOUNDS, decimals=1), records, units=[Unit("甲"), Unit("乙"), Unit("丙")])
    assert {name: unit.total for name, unit in result.units.items()} == {
        "甲": D("11.0"),
        "乙": D("-0.5"),
        "丙": D("20.0"),
    }
    assert [result.units[name].rank for name in ("丙", "甲", "乙")] == [1, 2, 3]
    assert node_score(result, "甲", "日常 › 纪律") == -1
    assert node_score(result, "乙", "日常 › 重点") == -2
    assert result.units["乙"].sections == {"日常": 0, "倒扣": -3, "加分": D("2.5")}
    explained = result.units["乙"].nodes["日常 › 纪律"].explanation
    assert "迟到：本规则最多扣 3 分，按 -3 分计" in explained


SECTIONS = """
- name: 作风
  points: 20
  children:
    - name: 纪律
      points: 10
      rules:
        - {id: cd, kind: per_occurrence, amount: -1, cap: 4, label: 迟到}
        - {id: wj, kind: per_occurrence, amount: -3, label: 违纪}
    - name: 通报
      points: 10
      rules:
        - {id: tb, kind: per_occurrence, levels: {市级: -2, 省级: -4}, label: 被通报}
        - {id: zj, kind: escalation, amount: -1, after: tb, label: 追加扣分}
- name: 加分
  kind: bonus
  points: 4
  rules:
    - {id: hb, kind: per_occurrence, amount: 3, label: 合报信息}
    - {id: zq, kind: discretionary, min: 0.5, max: 2, direction: add, label: 酌情加分}
- name: 安全
  points: 10
  floor: -2
  children:
    - name: 消防
      points: 5
      floor: -2
      rules: [{id: xf, kind: per_occurrence, amount: -3}]
    - name: 生产
      points: 5
      floor: -1
      rules: [{id: sc, kind: per_occurrence, amount: -2}]
- name: 督办
  points: 5
  rules:
    - {id: db, kind: colour, map: {绿灯: 0, 黄灯: -1, 红灯: -3}}
"""


def sections_cycle():  # type: ignore[no-untyped-def]
    r = record
    records = [
        # 甲 纪律: 迟到 6 → −6, cap 4 → −4; 违纪 −3 and 被通报(省级) −4 share incident T1:
        #   the larger −4 stands in 通报, 违纪 absorbed → 纪律 10 − 4 = 6.
        #   通报: −4, 追加 −1 (被通报 has records) → 5.  作风 11.
        #   加分: 3 ÷ 3 (合报) = 1, 酌情 1.5 → 2.5.
        #   安全: 消防 3 × −3 = −9 → floor −2; 生产 4 × −2 = −8 → floor −1; Σ −3 → section
        #   floor −2.  督办: 红灯 −3, 黄灯 −1 → 1.   total 11 + 2.5 − 2 + 1 = 12.5
        r("甲", "cd", count=6),
        r("甲", "wj", incident="T1"),
        r("甲", "tb", level="省级", incident="T1"),
        r("甲", "zj"),
        r("甲", "hb", share=3),
        r("甲", "zq", value="1.5", note="牵头承办全市现场会"),
        r("甲", "xf", count=3),
        r("甲", "sc", count=4),
        r("甲", "db", level="红灯"),
        r("甲", "db", level="黄灯"),
        # 乙 纪律: 迟到 4 → −4 (cap exactly) → 6.  通报: no 被通报 record, so 追加 adds nothing
        #   (warned) → 10.  作风 16.  加分: 3 ÷ 2 = 1.5, 酌情 2 → 3.5 (cap 4 not reached).
        #   安全: 消防 −3 → 2; 生产 3 × −2 = −6 → −1 (floor exactly); Σ 1.  督办 绿灯 0 → 5.
        #   total 16 + 3.5 + 1 + 5 = 25.5
        r("乙", "cd", count=4),
        r("乙", "zj"),
        r("乙", "hb", share=2),
        r("乙", "zq", value=2, note="经验做法被省厅推广"),
        r("乙", "xf"),
        r("乙", "sc", count=3),
        r("乙", "db", level="绿灯"),
    ]
    return score(scheme(SECTIONS), records)


def test_incidents_escalation_and_section_floor_as_worked_by_hand():
    result = sections_cycle()
    assert result.units["甲"].total == D("12.50")
    assert result.units["乙"].total == D("25.50")
    assert result.units["甲"].sections == {"作风": 11, "加分": D("2.5"), "安全": -2, "督办": 1}
    assert result.units["乙"].sections == {"作风": 16, "加分": D("3.5"), "安全": 1, "督办": 5}
    assert [result.units[name].rank for name in ("乙", "甲")] == [1, 2]


def test_every_line_of_an_item_adds_up_and_names_rules_by_their_labels():
    result = sections_cycle()
    assert result.units["甲"].nodes["作风 › 通报"].explanation == [
        "被通报（省级）：1 次 × 4 分，扣 4 分",
        "追加扣分：在「被通报」基础上追加，扣 1 分",
        "满分 10 分，合计扣 5 分，得 5 分",
    ]
    assert result.units["甲"].nodes["安全"].explanation == [
        "各项合计 -3 分，本级最多扣至 -2 分，得 -2 分"
    ]
    assert result.units["乙"].warnings == ["乙：「追加扣分」：未见规则「被通报」的记录，不追加"]
