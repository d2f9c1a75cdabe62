"""Items a unit does not take part in, worked by hand: points moved to a sibling (move_to) beside
a participants' average of that sibling, an average of a group whose participants have absent
sub-items, and 满分 / 0 / average beside a rule cap, a category multiplier and bonus caps."""

from __future__ import annotations

from kaohe.engine import Unit

from .builders import D, node_score, record, scheme, score

MOVED = """
- name: 业务
  points: 50
  children:
    - name: 重点工作
      points: 30
      rules: [{id: zd, kind: per_occurrence, amount: -1}]
    - name: 招商引资
      points: 5
      applies_to: [经济部门]
      not_applicable: {move_to: 重点工作}
      rules: [{id: zs, kind: per_occurrence, amount: -1}]
    - name: 日常
      points: 15
      rules: [{id: rc, kind: per_occurrence, amount: -0.5}]
"""


def moved_cycle():  # type: ignore[no-untyped-def]
    the_scheme = scheme(MOVED, categories=["经济部门"], tie_breakers=["total", "name"])
    units = [
        Unit("甲", ("经济部门",)),
        Unit("乙"),
        Unit("丙", ("经济部门",)),
        Unit("丁", ("经济部门",), not_participating=("重点工作",)),
        Unit("戊", not_participating=("重点工作",)),
    ]
    r = record
    records = [
        r("甲", "zd"),
        r("乙", "zd", count=2),
        r("丙", "zd", count=3),
        r("丙", "zs"),
        r("丁", "zd", count=9),  # 丁 does not take part in 重点工作: ignored
    ]
    return score(the_scheme, records, units=units)


def test_the_average_of_an_item_that_took_moved_points_is_taken_on_its_own_points():
    # 重点工作 is 30 分; 招商引资 (5 分, 经济部门 only) moves its points to it for the others.
    # 甲: 重点 30 − 1 = 29, 招商 5, 日常 15 → 49.
    # 乙: 重点 30 − 2 = 28, rescaled 28 × 35 ÷ 30 = 980 ÷ 30 = 32.6666…; 招商 0; 日常 15
    #     → 47.6666… → 47.67.
    # 丙: 重点 27, 招商 5 − 1 = 4, 日常 15 → 46.
    # The participants' average of 重点工作 is on its own 30 分: (29 + 28 + 27) ÷ 3 = 28
    #   (kaohe took 乙's rescaled 32.67: (29 + 32.67 + 27) ÷ 3 = 29.56).
    # 丁: 重点 28 (average), 招商 5, 日常 15 → 48.
    # 戊: 重点 28 (average), and 招商's 5 分 move to it: 28 × 35 ÷ 30 = 32.6666…; 日常 15 → 47.67.
    # Ranked on the total, then by name: 甲 49, 丁 48, 乙 47.67 and 戊 47.67 (乙 before 戊), 丙 46.
    result = moved_cycle()
    got = {name: (str(unit.total), unit.rank) for name, unit in result.units.items()}
    assert got == {
        "甲": ("49.00", 1),
        "丁": ("48.00", 2),
        "乙": ("47.67", 3),
        "戊": ("47.67", 4),
        "丙": ("46.00", 5),
    }
    assert node_score(result, "丁", "业务 › 重点工作") == 28
    assert node_score(result, "戊", "业务 › 招商引资") == 0


def test_the_explanation_shows_the_average_then_the_moved_points():
    result = moved_cycle()
    assert result.units["丁"].nodes["业务 › 重点工作"].explanation == [
        "不参加本项考核，得参加单位的平均分 28 分"
    ]
    assert result.units["戊"].nodes["业务 › 重点工作"].explanation == [
        "不参加本项考核，得参加单位的平均分 28 分",
        "「招商引资」不适用，其 5 分并入本项，按比例放大：28 × 35 ÷ 30 = ≈32.6667 分",
    ]


TWO_MOVED = """
- name: 业务
  points: 40
  children:
    - name: 重点工作
      points: 30
      rules: [{id: zd, kind: per_occurrence, amount: -1}]
    - name: 招商引资
      points: 5
      applies_to: [经济部门]
      not_applicable: {move_to: 重点工作}
    - name: 项目建设
      points: 5
      applies_to: [经济部门]
      not_applicable: {move_to: 重点工作}
"""


def test_two_items_moving_their_points_to_one_rescale_it_once():
    # 乙 takes part in neither 5-point item: 重点工作 takes 10 more points, 30 → 40.
    #   27 × 40 ÷ 30 = 36 (kaohe rescaled twice: 27 × 35 ÷ 30 × 35 ÷ 30 = 36.75).
    # 丙 has no deduction: 30 × 40 ÷ 30 = 40, its full 40 (twice gave 40.83, over the 40).
    the_scheme = scheme(TWO_MOVED, categories=["经济部门"])
    units = [Unit("甲", ("经济部门",)), Unit("乙"), Unit("丙")]
    result = score(the_scheme, [record("乙", "zd", count=3)], units=units)
    assert node_score(result, "乙", "业务 › 重点工作") == 36
    assert node_score(result, "丙", "业务 › 重点工作") == 40
    assert result.units["乙"].nodes["业务 › 重点工作"].explanation[-1] == (
        "「招商引资」、「项目建设」不适用，其 10 分并入本项，按比例放大：27 × 40 ÷ 30 = 36 分"
    )


CHAINED = """
- name: 业务
  points: 40
  children:
    - name: 年度要点
      points: 30
      rules: [{id: nd, kind: per_occurrence, amount: -1}]
    - name: 项目建设
      points: 5
      applies_to: [乙类]
      not_applicable: {move_to: 年度要点}
    - name: 招商引资
      points: 5
      applies_to: [甲类]
      not_applicable: {move_to: 项目建设}
"""


def test_points_moved_to_an_item_that_does_not_apply_either_go_on_to_where_its_points_go():
    # U is neither 甲类 nor 乙类: 招商引资's 5 分 go to 项目建设, which U does not take part in
    #   either, so they go on with its own 5 分 to 年度要点: 27 × 40 ÷ 30 = 36 → 业务 36
    #   (kaohe lost 招商引资's 5 分 on the way: 27 × 35 ÷ 30 = 31.5, out of at most 35).
    # V (甲类, 乙类) takes part in all: 30 + 5 + 5 = 40.
    the_scheme = scheme(CHAINED, categories=["甲类", "乙类"])
    units = [Unit("U"), Unit("V", ("甲类", "乙类"))]
    result = score(the_scheme, [record("U", "nd", count=3)], units=units)
    assert {name: unit.total for name, unit in result.units.items()} == {"V": 40, "U": 36}
    assert result.units["U"].nodes["业务 › 年度要点"].explanation[-1] == (
        "「项目建设」、「招商引资」不适用，其 10 分并入本项，按比例放大：27 × 40 ÷ 30 = 36 分"
    )


NESTED = """
- name: 业务
  points: 40
  children:
    - name: 窗口
      points: 20
      applies_to: [窗口]
      rules: [{id: ck, kind: per_occurrence, amount: -2}]
    - name: 日常
      points: 20
      rules: [{id: rc, kind: per_occurrence, amount: -1}]
- name: 党建
  points: 10
  rules: [{id: dj, kind: per_occurrence, amount: -1}]
"""


def test_a_groups_average_reads_each_participants_group_as_its_result_shows_it():
    # P (窗口): 窗口 20 − 2 = 18, 日常 20 → 业务 38; 党建 10 → 48.
    # Q: not 窗口 → 窗口 gets the participants' average, P's 18; 日常 20 − 1 = 19 → 业务 37 → 47.
    # X does not take part in 业务: the average of P's 38 and Q's 37 = 37.5; 党建 10 → 47.5
    #   (kaohe read Q's 业务 without its 窗口 average, 0 + 19: (38 + 19) ÷ 2 = 28.5 → 38.50).
    units = [Unit("P", ("窗口",)), Unit("Q"), Unit("X", not_participating=("业务",))]
    records = [record("P", "ck"), record("Q", "rc")]
    result = score(scheme(NESTED, categories=["窗口"]), records, units=units)
    assert {name: unit.total for name, unit in result.units.items()} == {
        "P": D("48.00"),
        "X": D("47.50"),
        "Q": D("47.00"),
    }
    assert result.units["Q"].nodes["业务"].explanation == ["各项合计 37 分"]
    assert result.units["X"].nodes["业务"].explanation == [
        "不参加本项考核，得参加单位的平均分 37.5 分"
    ]


CAPPED = """
- name: 指标
  points: 60
  children:
    - name: 安全生产
      points: 20
      applies_to: [执法]
      not_applicable: full
      rules: [{id: aq, kind: per_occurrence, amount: -3, cap: 6}]
    - name: 窗口服务
      points: 20
      applies_to: [窗口]
      not_applicable: zero
      rules: [{id: ck, kind: per_occurrence, amount: -2}]
    - name: 信访
      points: 20
      rules: [{id: xf, kind: per_occurrence, amount: -4, multipliers: {执法: 2}}]
- name: 加分
  points: 5
  children:
    - name: 表彰
      kind: bonus
      points: 3
      rules: [{id: bz, kind: per_occurrence, amount: 2}]
    - name: 创新
      kind: bonus
      points: 3
      rules: [{id: cx, kind: per_occurrence, amount: 1}]
"""


def test_full_zero_and_average_beside_a_rule_cap_a_multiplier_and_two_bonus_caps():
    # 总分 = min(指标 + 加分, 60): bonuses make up deductions but never pass 满分.
    # A (执法): 安全 3 × −3 = −9, 最多扣 6 → 14; 窗口 not 窗口 → 0 (its record ignored);
    #   信访 −4 × 2 (执法) = −8 → 12; 指标 26. 表彰 2 × 2 = 4 → 3; 创新 3 × 1 = 3;
    #   加分 6 → 5. min(31, 60) = 31.
    # B (窗口): 安全 → 满分 20 (record ignored); 窗口 11 × −2 = −22 → 扣完为止 0; 信访 16;
    #   指标 36; 表彰 2 → 38.
    # C (执法, 窗口, not in 信访): 安全 17; 窗口 16; 信访 = average of A 12, B 16, D 20 = 16;
    #   指标 49; no bonus → 49.
    # D (窗口): 20 + 20 + 20 = 60; 加分 3 + 3 = 6 → 5; min(65, 60) = 60.
    the_scheme = scheme(CAPPED, categories=["执法", "窗口"], formula="min(指标 + 加分, 60)")
    units = [
        Unit("A", ("执法",)),
        Unit("B", ("窗口",)),
        Unit("C", ("执法", "窗口"), not_participating=("信访",)),
        Unit("D", ("窗口",)),
    ]
    r = record
    records = [
        *(r("A", "aq", count=3), r("A", "ck"), r("A", "xf"), r("A", "bz", count=2)),
        *(r("A", "cx", count=3), r("B", "aq"), r("B", "ck", count=11), r("B", "xf")),
        *(r("B", "bz"), r("C", "aq"), r("C", "ck", count=2), r("C", "xf", count=5)),
        *(r("D", "bz", count=2), r("D", "cx", count=3)),
    ]
    result = score(the_scheme, records, units=units)
    got = {name: (unit.total, unit.rank) for name, unit in result.units.items()}
    assert got == {"D": (60, 1), "C": (49, 2), "B": (38, 3), "A": (31, 4)}
    assert node_score(result, "C", "指标 › 信访") == 16
    assert result.units["B"].nodes["指标 › 安全生产"].explanation == [
        "不参加本项考核，按满分 20 分计"
    ]
    assert result.units["A"].nodes["加分"].explanation == ["各项合计 6 分，本级封顶 5 分，得 5 分"]
    assert result.units["D"].explanation[0] == "总分 = min(指标(60) + 加分(5), 60) = 60 分"
