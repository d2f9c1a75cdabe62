"""Step 5: items a unit does not take part in, and rank-based items across units."""

from __future__ import annotations

from kaohe.engine import Unit

from .builders import D, node_score, record, scheme, score

SERVICE_CENTRE = """
- name: 行政服务中心
  points: 8
  applies_to: [进驻单位]
  not_applicable: average
  rules: [{id: fw, kind: per_occurrence, amount: -1}]
- name: 业务
  points: 10
"""


def test_a_unit_that_does_not_take_part_gets_the_participants_average() -> None:
    the_scheme = scheme(SERVICE_CENTRE, categories=["进驻单位"])
    units = [Unit("甲", ("进驻单位",)), Unit("乙", ("进驻单位",)), Unit("丙")]
    result = score(the_scheme, [record("甲", "fw", count=3)], units=units)
    assert node_score(result, "丙", "行政服务中心") == D("6.5")
    leaf = result.units["丙"].nodes["行政服务中心"]
    assert leaf.explanation == ["不参加本项考核，得参加单位的平均分 6.5 分"]
    assert not leaf.applies


def test_a_unit_can_be_excused_from_an_item_by_name() -> None:
    the_scheme = scheme(SERVICE_CENTRE, categories=["进驻单位"])
    units = [Unit("甲", ("进驻单位",)), Unit("乙", ("进驻单位",), ("行政服务中心",))]
    result = score(the_scheme, [record("甲", "fw", count=2)], units=units)
    assert node_score(result, "乙", "行政服务中心") == 6


def test_records_for_an_item_the_unit_does_not_take_part_in_are_ignored() -> None:
    the_scheme = scheme(SERVICE_CENTRE, categories=["进驻单位"])
    units = [Unit("甲", ("进驻单位",)), Unit("丙")]
    result = score(the_scheme, [record("丙", "fw", count=8)], units=units)
    assert node_score(result, "丙", "行政服务中心") == 8


def test_points_move_to_a_named_sibling_when_an_item_does_not_apply() -> None:
    body = """
    - name: 年度工作要点
      points: 30
      rules: [{id: yd, kind: per_occurrence, amount: -3}]
    - name: 招商引资
      points: 5
      applies_to: [经济部门]
      not_applicable: {move_to: 年度工作要点}
    """
    the_scheme = scheme(body, categories=["经济部门"])
    result = score(the_scheme, [record("乙", "yd")], units=[Unit("甲", ("经济部门",)), Unit("乙")])
    assert result.units["乙"].total == D("31.5")  # 27 × 35/30
    assert node_score(result, "乙", "招商引资") == 0
    assert result.units["甲"].total == 35


RANKED = """
- name: 工作创新
  kind: bonus
  cap: null
  rules: [{id: cx, kind: rank, metric: value, order: desc, sequence: [3, 2, 1]}]
"""


def test_the_top_three_get_their_places_points_and_ties_share_a_place() -> None:
    values = {"甲": 90, "乙": 95, "丙": 90, "丁": 80, "戊": 70}
    result = score(scheme(RANKED), [record(unit, "cx", value=v) for unit, v in values.items()])
    bonus = {unit: node_score(result, unit, "工作创新") for unit in values}
    assert bonus == {"乙": 3, "甲": 2, "丙": 2, "丁": 0, "戊": 0}


def test_units_without_a_value_are_not_ranked() -> None:
    result = score(scheme(RANKED), [record("甲", "cx", value=1)], units=[Unit("甲"), Unit("乙")])
    assert node_score(result, "甲", "工作创新") == 3
    assert node_score(result, "乙", "工作创新") == 0


def test_the_bottom_places_can_lose_points() -> None:
    body = """
    - name: 业务
      points: 10
      rules: [{id: yw, kind: per_occurrence, amount: -1}]
    - name: 排名调整
      kind: penalty
      rules: [{id: pm, kind: rank, metric: 业务, order: desc, from: bottom, sequence: [-1.5, -1]}]
    """
    records = [
        record("甲", "yw", count=3),
        record("乙", "yw", count=1),
        record("丙", "yw", count=2),
    ]
    result = score(scheme(body), records)
    assert node_score(result, "甲", "排名调整") == D("-1.5")
    assert node_score(result, "丙", "排名调整") == -1
    assert node_score(result, "乙", "排名调整") == 0
    assert "倒数第 1 名" in result.units["甲"].nodes["排名调整"].explanation[0]


def test_an_item_with_a_rank_rule_explains_its_other_rules_too() -> None:
    body = """
    - name: 综合加分
      kind: bonus
      cap: null
      rules:
        - {id: bz, kind: tiered, label: 受表彰, levels: {市级: 2, 省级: 3}}
        - {id: cx, kind: rank, label: 工作创新, metric: value, sequence: [3, 2, 1]}
    """
    records = [record("甲", "bz", level="省级"), record("甲", "cx", value=5)]
    leaf = score(scheme(body), records).units["甲"].nodes["综合加分"]
    assert leaf.score == 6
    assert leaf.explanation == [
        "受表彰（省级）：加 3 分",
        "工作创新：第 1 名，加 3 分",
        "合计加 6 分，得 6 分",
    ]
