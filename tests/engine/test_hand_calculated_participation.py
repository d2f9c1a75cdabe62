"""Non-participation, categories, thresholds and the quota's count, worked by hand."""

from __future__ import annotations

import datetime

from kaohe.engine import Unit

from .builders import D, node_score, record, scheme, score

GRADES = [
    {"name": "优秀", "min": 90},
    {"name": "良好", "min": 80},
    {"name": "合格", "min": 60},
    {"name": "不合格"},
]
VETOES = """
- name: 指标
  points: 100
  children:
    - name: 基础
      points: 80
      kind: value
      rules: [{id: m, kind: manual}]
    - name: 火灾
      points: 10
      rules:
        - {id: hz, kind: baseline, baseline: 5, step: 1, below: 1, above: -1, label: 火灾起数}
    - name: 专项
      points: 10
      applies_to: [甲类]
      not_applicable: full
      rules: [{id: zx, kind: per_occurrence, amount: -1, multipliers: {甲类: 2, 乙类: 3}}]
- name: 否决
  kind: penalty
  points: 0
  rules:
    - {id: sw, kind: veto, consequence: disqualify, label: 弄虚作假}
    - {id: sg, kind: veto, consequence: zero, threshold: 2, label: 死亡人数}
    - {id: ne, kind: veto, consequence: no_excellence, label: 违纪}
"""


def test_thresholds_disqualification_and_the_quota_counted_over_ranked_units():
    # A (甲类, 乙类): 80 + 火灾 3 is 2 under the baseline 5 → +2, held to 10 → 10;
    #   专项 2 × −1 × 3 (the larger multiplier) = −6 → 4.  94 → 优秀 by band.
    # B (甲类): 79 + 火灾 8 → 3 over → −3 → 7; 专项 10.  96 → 优秀 by band.
    # C: 79 + 10 + 10 (not 甲类: 满分) = 99, 弄虚作假 → no rank, no grade.
    # D: 78 + 10 + 10 = 98; 死亡人数 1 < 2 → no veto; 违纪 → 取消评优 → 良好.
    # E: 80 + 10 + 10 = 100; 死亡人数 2 ≥ 2 → 0 → 不合格.
    # Ranked: D 98, B 96, A 94, E 0 (C is out) → quota ⌊0.4 × 4⌋ = 1: B keeps 优秀 (D lost it
    #   by veto and takes no place), A is demoted to 良好.
    the_scheme = scheme(
        VETOES,
        categories=["甲类", "乙类"],
        grades=GRADES,
        excellence_quota={"grade": "优秀", "ratio": 0.4, "demote_to": "良好"},
    )
    units = [Unit("A", ("甲类", "乙类")), Unit("B", ("甲类",)), Unit("C"), Unit("D"), Unit("E")]
    r = record
    records = [
        r("A", "m", value=80),
        r("A", "zx", count=2),
        r("A", "hz", value=3),
        r("B", "m", value=79),
        r("B", "hz", value=8),
        r("C", "m", value=79),
        r("C", "sw"),
        r("D", "m", value=78),
        r("D", "sg", value=1),
        r("D", "ne"),
        r("E", "m", value=80),
        r("E", "sg", value=2),
    ]
    result = score(the_scheme, records, units=units)
    expected = {
        "D": ("98.00", 1, "良好"),
        "B": ("96.00", 2, "优秀"),
        "A": ("94.00", 3, "良好"),
        "E": ("0.00", 4, "不合格"),
        "C": ("99.00", None, None),
    }
    got = {name: (str(unit.total), unit.rank, unit.grade) for name, unit in result.units.items()}
    assert got == expected
    assert list(result.units) == ["D", "B", "A", "E", "C"]
    assert node_score(result, "A", "指标 › 火灾") == 10
    assert node_score(result, "A", "指标 › 专项") == 4


PERIODS = """
- name: 日常
  points: 20
  children:
    - name: 季度
      points: 5
      rules: [{id: jd, kind: frequency, minimum: 1, per: quarter, amount: -1}]
    - name: 半年
      points: 5
      rules: [{id: bn, kind: frequency, minimum: 3, per: half, amount: -0.5}]
    - name: 窗口
      points: 5
      applies_to: [窗口]
      not_applicable: zero
      rules: [{id: ck, kind: per_occurrence, amount: -1}]
    - name: 无人
      points: 5
      applies_to: [无人类]
      rules: [{id: wr, kind: per_occurrence, amount: -1}]
- name: 加分
  kind: bonus
  cap: null
  rules:
    - {id: jf, kind: per_occurrence, amount: 2}
"""


def test_a_cycle_across_two_quarters_and_items_nobody_or_only_some_take_part_in():
    # Months Feb–Apr 2024 touch Q1 and Q2 and lie in H1.
    # A (窗口): 季度 Q1 has 1 (Feb), Q2 none → −1 → 4; 半年 2 + 2 ≥ 3 → 5; 窗口 5;
    #   无人 (nobody is 无人类) → no participants' average → 0.  日常 14; 加分 4 × 2 = 8;
    #   formula 日常 + min(加分, 5) = 14 + 5 = 19.
    # B: 季度 dated 2024-04-10 is Q2, Q1 none → 4; 半年 0 of 3 → −1.5 → 3.5; 窗口 not 窗口 →
    #   zero (its 窗口 record is ignored) → 0; 无人 0.  7.5.
    # C: 季度 both quarters short → 3; 半年 3.5; 0; 0.  6.5.
    the_scheme = scheme(PERIODS, categories=["窗口", "无人类"], formula="日常 + min(加分, 5)")
    r = record
    records = [
        r("A", "jd", count=1, period="2024-02"),
        r("A", "bn", count=2, period="2024-03"),
        r("A", "bn", count=2, period="2024-04"),
        r("A", "jf", count=4),
        r("B", "jd", count=1, date=datetime.date(2024, 4, 10)),
        r("B", "ck"),
    ]
    units = [Unit("A", ("窗口",)), Unit("B"), Unit("C")]
    result = score(the_scheme, records, units=units, periods=["2024-02", "2024-03", "2024-04"])
    assert {name: unit.total for name, unit in result.units.items()} == {
        "A": D("19.00"),
        "B": D("7.50"),
        "C": D("6.50"),
    }
    assert result.units["A"].explanation[0] == "总分 = 日常(14) + min(加分(8), 5) = 19 分"
    assert result.units["B"].nodes["日常 › 窗口"].explanation == ["不参加本项考核，按 0 分计"]
