"""Deductions past an item's floor and a section's floor, a category multiplier, two bonus rules
under one cap, and every veto beside ties on the total and the excellence quota, worked by hand."""

from __future__ import annotations

import pytest

from kaohe.engine import SchemeError, Unit

from .builders import D, node_score, record, scheme, score

SECTIONS = """
- name: 日常管理
  points: 30
  floor: 15
  children:
    - name: 纪律
      points: 10
      rules: [{id: jl, kind: per_occurrence, amount: -2}]
    - name: 会议
      points: 10
      floor: -2
      rules: [{id: hy, kind: per_occurrence, amount: -3}]
    - name: 安全
      points: 10
      rules: [{id: aq, kind: per_occurrence, amount: -5, multipliers: {窗口: 2}}]
- name: 重点任务
  points: 60
  rules: [{id: rw, kind: per_occurrence, amount: -2, cap: 12}]
- name: 加分
  kind: bonus
  points: 5
  rules:
    - {id: bz, kind: tiered, levels: {本级: 1, 市级: 2, 省级: 3}}
    - {id: cx, kind: per_occurrence, amount: 2}
- name: 否决
  kind: penalty
  points: 0
  rules:
    - {id: ne, kind: veto, consequence: no_excellence, label: 违反八项规定}
    - {id: rl, kind: veto, consequence: rank_last, label: 严重失职}
    - {id: zr, kind: veto, consequence: zero, label: 重大责任事故}
    - {id: gc, kind: veto, consequence: grade_cap, grade: 良好, label: 通报批评}
"""
GRADES = [
    {"name": "优秀", "min": 90},
    {"name": "良好", "min": 80},
    {"name": "合格", "min": 60},
    {"name": "不合格"},
]


def cycle():  # type: ignore[no-untyped-def]
    the_scheme = scheme(
        SECTIONS,
        categories=["窗口"],
        grades=GRADES,
        excellence_quota={"grade": "优秀", "ratio": 0.3, "demote_to": "良好"},
        tie_breakers=["total", "日常管理", "name"],
    )
    r = record
    records = [
        *(r("A", "bz", level="省级"), r("A", "bz", level="市级"), r("A", "ne")),
        *(r("B", "jl"), r("B", "bz", level="省级"), r("B", "cx")),
        *(r("C", "rw"), r("C", "bz", level="省级"), r("C", "cx", count=2)),
        *(r("D", "bz", level="省级"), r("D", "cx"), r("D", "rl")),
        *(r("E", "bz", level="省级"), r("E", "cx"), r("E", "zr")),
        *(r("F", "jl", count=7), r("F", "hy", count=4), r("F", "aq"), r("F", "rw", count=10)),
        *(r("G", "bz", level="本级"), r("G", "gc")),
    ]
    units = [Unit(name) for name in "ABCDEG"] + [Unit("F", ("窗口",))]
    return score(the_scheme, records, units=units)


def test_an_items_floor_then_the_sections_floor_hold_the_deductions():
    # F (窗口): 纪律 10 − 7 × 2 = −4 → 扣完为止 0; 会议 10 − 4 × 3 = −2 → its floor −2 → −2;
    #   安全 10 − 5 × 2 (窗口 加倍) = 0. 日常管理 0 − 2 + 0 = −2 → the section's floor 15.
    #   重点任务 10 × −2 = −20, 最多扣 12 → 48. 加分 0. 15 + 48 = 63 → 合格.
    result = cycle()
    assert node_score(result, "F", "日常管理 › 纪律") == 0
    assert node_score(result, "F", "日常管理 › 会议") == -2
    assert node_score(result, "F", "日常管理 › 安全") == 0
    assert node_score(result, "F", "日常管理") == 15
    assert node_score(result, "F", "重点任务") == 48
    assert (str(result.units["F"].total), result.units["F"].grade) == ("63.00", "合格")
    assert result.units["F"].nodes["日常管理"].explanation == [
        "各项合计 -2 分，本级最多扣至 15 分，得 15 分"
    ]


def test_every_veto_beside_ties_on_the_total_and_a_quota_of_two():
    # A: 30 + 60 + 加分 (省级 and 市级, highest only: 3) = 93; 违反八项规定 → 优秀 becomes 良好.
    # B: 日常 30 − 2 = 28; 60; 加分 3 + 2 = 5 → 93 → 优秀.
    # C: 30; 60 − 2 = 58; 加分 3 + 2 × 2 = 7 → held to 5 → 93 → 优秀.
    # D: 30 + 60 + 5 = 95 → 优秀, but 严重失职: ranked after every other unit.
    # E: 95, 重大责任事故 → total 0 → 不合格.
    # F: 63 → 合格 (above).  G: 30 + 60 + 1 = 91 → 通报批评 caps it at 良好.
    # Order: 93s first — A (日常 30), C (日常 30), B (日常 28); A and C tie on total and 日常管理,
    #   the name puts A first. Then G 91, F 63, E 0, and D last.
    # Quota ⌊0.3 × 7⌋ = ⌊2.1⌋ = 2: in rank order the 优秀 are C, B, D (A lost it by veto):
    #   C and B keep 优秀, D becomes 良好.
    result = cycle()
    got = {name: (str(unit.total), unit.rank, unit.grade) for name, unit in result.units.items()}
    assert got == {
        "A": ("93.00", 1, "良好"),
        "C": ("93.00", 2, "优秀"),
        "B": ("93.00", 3, "优秀"),
        "G": ("91.00", 4, "良好"),
        "F": ("63.00", 5, "合格"),
        "E": ("0.00", 6, "不合格"),
        "D": ("95.00", 7, "良好"),
    }
    assert not result.units["A"].excellence_eligible
    assert result.units["D"].explanation[-1] == "优秀比例 0.3（2 个名额）已满，等次由优秀调为良好"


WEIGHTED = """
- name: 指标
  points: 100
  kind: value
  rules: [{id: zb, kind: manual}]
- name: 评议
  points: 100
  kind: value
  rules: [{id: py, kind: manual}]
- name: 察访核验
  points: 10
  kind: penalty
  rules: [{id: cf, kind: discretionary, direction: deduct, min: 0.5, max: 5}]
"""


def test_a_penalty_section_is_added_to_the_weighted_sections():
    # 指标自评×70% + 公众评议×30% − 察访核验扣分: 0.7 × 88 + 0.3 × 92 − (3 + 2.5)
    #   = 61.6 + 27.6 − 5.5 = 83.7. 察访核验 scores −5.5, so the formula adds it.
    r = record
    records = [
        *(r("甲", "zb", value=88), r("甲", "py", value=92)),
        *(r("甲", "cf", value=3, note="通报问题"), r("甲", "cf", value="2.5", note="整改不力")),
    ]
    the_scheme = scheme(WEIGHTED, formula="0.7*指标 + 0.3*评议 + 察访核验")
    assert score(the_scheme, records).units["甲"].total == D("83.70")


def test_a_penalty_section_written_after_a_minus_is_refused_when_the_scheme_loads():
    # Written as the document says it (−察访核验扣分), −(−5.5) would add 5.5: 94.7, not 83.7.
    with pytest.raises(SchemeError) as refused:
        scheme(WEIGHTED, formula="0.7*指标 + 0.3*评议 - min(察访核验, 10)")
    assert "「察访核验」是倒扣分项" in str(refused.value)
    assert "请写作「+ 察访核验」" in str(refused.value)
