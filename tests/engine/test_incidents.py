"""就高 and shared credit: one incident counts once; tiers count only the highest level."""

from __future__ import annotations

from .builders import D, node_score, record, scheme, score

TWO_ITEMS = """
- name: 纪律
  points: 10
  rules: [{id: jl, kind: per_occurrence, label: 纪律问题, amount: -2}]
- name: 作风
  points: 10
  rules: [{id: zf, kind: per_occurrence, label: 作风问题, amount: -3}]
"""


def test_a_second_deduction_for_the_same_incident_is_absorbed() -> None:
    records = [record("甲", "jl", incident="通报-7"), record("甲", "zf", incident="通报-7")]
    result = score(scheme(TWO_ITEMS), records)
    assert node_score(result, "甲", "纪律") == 10
    assert node_score(result, "甲", "作风") == 7
    absorbed = result.units["甲"].nodes["纪律"].explanation[0]
    assert "同一事项「通报-7」已在「作风问题」就高扣分" in absorbed


def test_different_incidents_both_count() -> None:
    records = [record("甲", "jl", incident="A"), record("甲", "zf", incident="B")]
    result = score(scheme(TWO_ITEMS), records)
    assert node_score(result, "甲", "纪律") + node_score(result, "甲", "作风") == 15


def test_incidents_are_per_unit() -> None:
    records = [record("甲", "jl", incident="A"), record("乙", "zf", incident="A")]
    result = score(scheme(TWO_ITEMS), records)
    assert node_score(result, "甲", "纪律") == 8
    assert node_score(result, "乙", "作风") == 7


def test_the_largest_bonus_for_one_incident_stands() -> None:
    body = """
    - name: 加分
      kind: bonus
      rules:
        - {id: bz, kind: per_occurrence, label: 受表彰, amount: 2}
        - {id: xx, kind: per_occurrence, label: 经验推广, amount: 1}
    """
    records = [record("甲", "bz", incident="X"), record("甲", "xx", incident="X")]
    assert node_score(score(scheme(body), records), "甲", "加分") == 2


def test_tiered_bonuses_count_only_the_highest_level() -> None:
    body = """
    - name: 加分
      kind: bonus
      rules: [{id: bz, kind: tiered, levels: {本级: 1, 市级: 2, 省级: 3}, highest_only: true}]
    """
    records = [record("甲", "bz", level="市级"), record("甲", "bz", level="省级")]
    result = score(scheme(body), records)
    assert node_score(result, "甲", "加分") == 3
    assert any("仅按最高级别计分" in line for line in result.units["甲"].nodes["加分"].explanation)


def test_tiers_can_add_up_when_the_scheme_allows() -> None:
    body = """
    - name: 加分
      kind: bonus
      rules: [{id: bz, kind: tiered, levels: {本级: 1, 市级: 2}, highest_only: false}]
    """
    records = [record("甲", "bz", level="市级"), record("甲", "bz", level="本级")]
    assert node_score(score(scheme(body), records), "甲", "加分") == 3


def test_shared_credit_splits_the_amount() -> None:
    body = """
    - name: 信息
      kind: bonus
      rules: [{id: xx, kind: per_occurrence, amount: 1}]
    """
    result = score(scheme(body), [record("甲", "xx", share=3)])
    assert node_score(result, "甲", "信息") == D(1) / 3
    assert "合报 3 家均分" in result.units["甲"].nodes["信息"].explanation[0]


def test_a_category_multiplier_doubles_the_deduction() -> None:
    from kaohe.engine import Unit

    body = """
    - name: 投诉
      points: 10
      rules: [{id: ts, kind: per_occurrence, amount: -1, multipliers: {窗口科室: 2}}]
    """
    the_scheme = scheme(body, categories=["窗口科室", "业务科室"])
    units = [Unit("窗口", ("窗口科室",)), Unit("业务", ("业务科室",))]
    result = score(the_scheme, [record("窗口", "ts"), record("业务", "ts")], units=units)
    assert node_score(result, "窗口", "投诉") == 8
    assert node_score(result, "业务", "投诉") == 9


def test_absorbed_records_are_left_out_before_the_rule_cap() -> None:
    body = """
    - name: 纪律
      points: 10
      rules: [{id: jl, kind: per_occurrence, amount: -2, cap: 3}]
    - name: 作风
      points: 10
      rules: [{id: zf, kind: per_occurrence, amount: -3}]
    """
    records = [
        record("甲", "jl", incident="A"),
        record("甲", "jl"),
        record("甲", "zf", incident="A"),
    ]
    result = score(scheme(body), records)
    # The 纪律 record under incident A is absorbed by 作风; one 2-point deduction remains.
    assert node_score(result, "甲", "纪律") == 8
