"""Vetoes with each consequence, evaluations with rounds, participants' averages, grades, the
quota, ties and rounding, worked by hand."""

from __future__ import annotations

from kaohe.engine import EvaluationScore, Unit

from .builders import D, node_score, record, scheme, score

VETOES = """
- name: 指标
  points: 60
  children:
    - name: 业务
      points: 40
      rules:
        - {id: kf, kind: per_occurrence, amount: -0.25}
    - name: 窗口
      points: 20
      applies_to: [窗口]
      rules:
        - {id: ts, kind: per_occurrence, amount: -1, multipliers: {窗口: 2}}
- name: 评议
  points: 40
  kind: value
  rules:
    - {id: py, kind: evaluation, groups: {领导: 0.6, 群众: 0.4}, rounds: {半年: 0.25, 年终: 0.75}}
- name: 加分
  kind: bonus
  points: 3
  rules:
    - {id: jf, kind: per_occurrence, amount: 1}
    - {id: fj, kind: veto, consequence: zero, label: 重大事故}
    - {id: gc, kind: veto, consequence: grade_cap, grade: 合格, label: 通报批评}
    - {id: ne, kind: veto, consequence: no_excellence, label: 违反八项规定}
    - {id: rl, kind: veto, consequence: rank_last, label: 严重违纪}
"""
GRADES = [
    {"name": "优秀", "min": 90},
    {"name": "良好", "min": 80},
    {"name": "合格", "min": 60},
    {"name": "不合格"},
]
NAMES = ["甲", "乙", "丙", "丁", "戊"]


def vetoes_cycle():  # type: ignore[no-untyped-def]
    the_scheme = scheme(
        VETOES,
        categories=["窗口"],
        decimals=1,
        grades=GRADES,
        excellence_quota={"grade": "优秀", "ratio": 0.4, "demote_to": "良好"},
        tie_breakers=["total", "指标", "name"],
    )
    units = [Unit("甲", ("窗口",)), Unit("乙"), Unit("丙", ("窗口",)), Unit("丁"), Unit("戊")]
    evaluations = []
    for name in NAMES:
        for group, round_name, mark in [
            ("领导", "半年", 90),
            ("领导", "半年", 80),
            ("群众", "半年", 70),
            ("领导", "年终", 95),
            ("群众", "年终", 85),
        ]:
            evaluations.append(EvaluationScore(name, "评议", group, D(mark), round_name))
    r = record
    records = [
        r("甲", "kf"),
        r("甲", "ts"),
        r("甲", "jf", count=4),
        r("乙", "kf", count=3),
        r("乙", "jf"),
        r("乙", "ne"),
        r("丙", "ts", count=3),
        r("丙", "jf", count=2),
        r("丙", "fj"),
        r("丁", "jf", count=3),
        r("丁", "gc"),
        r("戊", "kf"),
        r("戊", "rl"),
    ]
    return score(the_scheme, records, units=units, evaluations=evaluations)


def test_vetoes_evaluations_and_the_quota_as_worked_by_hand():
    # 评议 (every unit): 半年 领导 (90+80)/2 = 85, 群众 70 → 0.6×85 + 0.4×70 = 79;
    #   年终 0.6×95 + 0.4×85 = 91; 0.25×79 + 0.75×91 = 88 → 88/100 × 40 = 35.2.
    # 窗口 (窗口 units only, 投诉 × 2): 甲 −2 → 18; 丙 −6 → 14; others get (18+14)/2 = 16.
    # 甲 39.75 + 18 + 35.2 + min(4, 3) = 95.95 → 96.0 (half-up)          优秀
    # 乙 39.25 + 16 + 35.2 + 1 = 91.45 → 91.5; 取消评优 → 良好
    # 丙 40 + 14 + 35.2 + 2 = 91.2; 重大事故 → 0.0                      不合格
    # 丁 40 + 16 + 35.2 + 3 = 94.2; 等次封顶 合格                          合格
    # 戊 39.75 + 16 + 35.2 + 0 = 90.95 → 91.0; 列最后                     优秀
    # Ranks: 甲 96.0, 丁 94.2, 乙 91.5, 丙 0.0, then 戊 last.
    # Quota ⌊0.4 × 5⌋ = 2 places for 优秀: 甲 and 戊 are the only ones graded 优秀 → both keep it.
    result = vetoes_cycle()
    expected = {
        "甲": ("96.0", 1, "优秀"),
        "乙": ("91.5", 3, "良好"),
        "丙": ("0.0", 4, "不合格"),
        "丁": ("94.2", 2, "合格"),
        "戊": ("91.0", 5, "优秀"),
    }
    for name, (total, rank, grade) in expected.items():
        unit = result.units[name]
        assert (unit.total, unit.rank, unit.grade) == (D(total), rank, grade), name
    assert node_score(result, "乙", "指标 › 窗口") == 16
    assert node_score(result, "甲", "评议") == D("35.2")
    assert result.units["丙"].formula_total == D("91.2")


def test_the_total_line_writes_the_formula_out_and_names_each_veto():
    result = vetoes_cycle()
    assert result.units["丙"].explanation == [
        "总分 = 指标(54) + 评议(35.2) + 加分(2) = 91.2 分",
        "一票否决「重大事故」：总分记零",
        "按 1 位小数四舍五入，总分 0.0 分",
        "等次：不合格",
    ]
    assert result.units["甲"].nodes["评议"].explanation[0] == (
        "评议：半年领导 85×0.15 + 半年群众 70×0.1 + 年终领导 95×0.45 + 年终群众 85×0.3"
        " = 88，÷ 100 × 40 分 = 35.2 分"
    )


MANUAL = """
- name: 指标
  points: 100
  kind: value
  rules: [{id: m, kind: manual}]
"""
MARKS = {"A": "89.995", "B": 95, "C": 95, "D": 95, "E": "80.004", "F": "79.995"}


def graded(ratio: str, decimals: int):  # type: ignore[no-untyped-def]
    the_scheme = scheme(
        MANUAL,
        grades=[{"name": "优秀", "min": 90}, {"name": "良好", "min": 80}, {"name": "一般"}],
        decimals=decimals,
        excellence_quota={"grade": "优秀", "ratio": ratio, "demote_to": "良好"},
        tie_breakers=["total"],
    )
    return score(the_scheme, [record(name, "m", value=mark) for name, mark in MARKS.items()])


def test_ties_share_a_rank_and_rounding_is_half_up_before_grading():
    # decimals 2: A 89.995 → 90.00 (half-up) → 优秀 by band; E 80.004 → 80.00, F 79.995 → 80.00:
    #   E and F tie on the rounded total and share rank 5. B, C, D share rank 1; A is 4th.
    # Quota ⌊0.5 × 6⌋ = 3: B, C, D keep 优秀; A is demoted to 良好.
    result = graded("0.5", 2)
    ranks = {name: (unit.total, unit.rank, unit.grade) for name, unit in result.units.items()}
    assert ranks == {
        "B": (D("95.00"), 1, "优秀"),
        "C": (D("95.00"), 1, "优秀"),
        "D": (D("95.00"), 1, "优秀"),
        "A": (D("90.00"), 4, "良好"),
        "E": (D("80.00"), 5, "良好"),
        "F": (D("80.00"), 5, "良好"),
    }
    assert list(result.units) == ["B", "C", "D", "A", "E", "F"]
    # decimals 0: 89.995 → 90, still 优秀 by band before the quota.
    assert graded("0.5", 0).units["A"].band_grade == "优秀"


RANKED = """
- name: 工作
  points: 100
  kind: value
  rules: [{id: m, kind: manual}]
- name: 前三
  kind: bonus
  cap: null
  rules: [{id: top, kind: rank, metric: 工作, order: desc, sequence: [1.5, 1, 0.5]}]
- name: 后三
  kind: penalty
  rules:
    - {id: bottom, kind: rank, metric: 工作, order: desc, from: bottom,
       sequence: [-1.5, -1, -0.5]}
"""


def test_rank_sequences_from_the_top_and_the_bottom_with_a_tie():
    # 工作: 甲 90, 乙 85, 丙 85, 丁 80, 戊 70, 己 60.
    # 前三: 甲 1st +1.5; 乙, 丙 share 2nd +1 each; 丁 is 4th (no 3rd place is left).
    # 后三: 己 倒数第1 −1.5, 戊 倒数第2 −1, 丁 倒数第3 −0.5.
    # 甲 91.5, 乙 86, 丙 86, 丁 79.5, 戊 69, 己 58.5.
    marks = {"甲": 90, "乙": 85, "丙": 85, "丁": 80, "戊": 70, "己": 60}
    result = score(scheme(RANKED), [record(name, "m", value=mark) for name, mark in marks.items()])
    totals = {name: unit.total for name, unit in result.units.items()}
    assert totals == {
        "甲": D("91.50"),
        "乙": D("86.00"),
        "丙": D("86.00"),
        "丁": D("79.50"),
        "戊": D("69.00"),
        "己": D("58.50"),
    }
    assert [result.units[name].rank for name in ("甲", "乙", "丙", "丁")] == [1, 2, 2, 4]
    assert result.units["丁"].nodes["后三"].explanation[0] == "后三：倒数第 3 名，扣 0.5 分"


def test_a_tie_at_the_quota_boundary_goes_by_name_as_documented():
    # ⌊0.34 × 6⌋ = 2 places; B, C, D tie first on 95.00 (tie_breakers: total only): B and C
    # keep 优秀 in name order, D is demoted to 良好 though it shares rank 1; A (90.00) too.
    result = graded("0.34", 2)
    grades = {name: (unit.rank, unit.grade) for name, unit in result.units.items()}
    assert grades["B"] == (1, "优秀")
    assert grades["C"] == (1, "优秀")
    assert grades["D"] == (1, "良好")
    assert grades["A"] == (4, "良好")
