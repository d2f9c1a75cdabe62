"""Rank-based items worked by hand when a unit does not take part in an item: it is ranked with
the participants' average it gets (不参加的得平均分), as its total shows."""

from __future__ import annotations

from kaohe.engine import Facts, Unit, compute, compute_unit

from .builders import D, node_score, record, scheme

RANKED = """
- name: 工作
  points: 20
  children:
    - name: X
      points: 10
      rules: [{id: x, kind: per_occurrence, amount: -1}]
    - name: Y
      points: 10
      rules: [{id: y, kind: per_occurrence, amount: -1}]
- name: 总分排名
  kind: bonus
  cap: null
  rules: [{id: zongfen, kind: rank, metric: total, order: desc, sequence: [3, 2, 1]}]
- name: 工作排名
  kind: bonus
  cap: null
  rules: [{id: gongzuo, kind: rank, metric: 工作, order: desc, sequence: [0.3, 0.2, 0.1]}]
"""


def facts() -> Facts:
    units = [Unit("甲"), Unit("乙"), Unit("丙", not_participating=("工作 › X",))]
    return Facts.of([record("甲", "y", count=5), record("乙", "x", count=6)], units=units)


def test_a_non_participant_is_ranked_with_the_average_it_is_given():
    # 工作: 甲 X 10 + Y 5 = 15; 乙 X 4 + Y 10 = 14; 丙 X = (10 + 4)/2 = 7 (average) + Y 10 = 17.
    # Ranked on the total before rank amounts (= 工作 here): 丙 17, 甲 15, 乙 14.
    # 总分排名 3/2/1 and 工作排名 0.3/0.2/0.1:
    #   丙 17 + 3 + 0.3 = 20.3; 甲 15 + 2 + 0.2 = 17.2; 乙 14 + 1 + 0.1 = 15.1.
    result = compute(scheme(RANKED), facts())
    totals = {name: (unit.total, unit.rank) for name, unit in result.units.items()}
    assert totals == {"丙": (D("20.30"), 1), "甲": (D("17.20"), 2), "乙": (D("15.10"), 3)}
    assert node_score(result, "丙", "工作 › X") == 7
    assert result.units["丙"].nodes["总分排名"].explanation[0] == "总分排名：第 1 名，加 3 分"


def test_recomputing_the_non_participant_alone_finds_the_same_positions():
    the_scheme = scheme(RANKED)
    everyone = facts()
    full = compute(the_scheme, everyone)
    alone = compute_unit(the_scheme, everyone.for_unit("丙"), full.context)
    assert alone.total == D("20.30")
