"""Rules on a measured value: shortfall, exceeding, a baseline, frequency minimums."""

from __future__ import annotations

import pytest

from kaohe.engine import FactsError

from .builders import D, node_score, record, scheme, score


def shortfall(partial: str) -> str:
    return f"""
    - name: 工程验收
      points: 10
      rules:
        - {{id: ys, kind: shortfall, target: 15, step: 1, amount: -1, partial: {partial},
            unit: 万平方米}}
    """


@pytest.mark.parametrize(
    ("partial", "expected"), [("floor", "8"), ("prorate", "7.5"), ("ceil", "7")]
)
def test_a_partial_step_short_counts_as_the_scheme_says(partial: str, expected: str) -> None:
    result = score(scheme(shortfall(partial)), [record("甲", "ys", value="12.5")])
    assert node_score(result, "甲", "工程验收") == D(expected)


def test_meeting_the_target_costs_nothing() -> None:
    result = score(scheme(shortfall("ceil")), [record("甲", "ys", value=16)])
    assert node_score(result, "甲", "工程验收") == 10


def test_the_shortfall_explanation_shows_target_actual_and_gap() -> None:
    result = score(scheme(shortfall("floor")), [record("甲", "ys", value="12.5")])
    line = result.units["甲"].nodes["工程验收"].explanation[0]
    assert "目标 15万平方米，实际 12.5万平方米，差 2.5万平方米" in line


def test_a_rate_short_by_percentage_points_deducts_per_point() -> None:
    body = """
    - name: 办结及时率
      points: 5
      rules: [{id: rate, kind: shortfall, target: 100, step: 1, amount: -0.1, partial: prorate}]
    """
    result = score(scheme(body), [record("甲", "rate", value="96.5")])
    assert node_score(result, "甲", "办结及时率") == D("4.65")


def test_a_baseline_adds_below_and_deducts_above() -> None:
    body = """
    - name: 发案率
      points: 10
      cap: 15
      rules: [{id: fa, kind: baseline, baseline: 5, step: 1, below: 1, above: -1}]
    """
    result = score(scheme(body), [record("好", "fa", value=3), record("差", "fa", value=8)])
    assert node_score(result, "好", "发案率") == 12
    assert node_score(result, "差", "发案率") == 7


def test_exceeding_a_quota_earns_a_bonus() -> None:
    body = """
    - name: 招商引资
      kind: bonus
      points: 3
      rules: [{id: zs, kind: exceed, target: 100, step: 10, amount: 1}]
    """
    result = score(scheme(body), [record("甲", "zs", value=125), record("乙", "zs", value=200)])
    assert node_score(result, "甲", "招商引资") == 2
    assert node_score(result, "乙", "招商引资") == 3


FREQUENCY = """
- name: 信息报送
  points: 10
  rules: [{id: xx, kind: frequency, minimum: 2, per: month, amount: -0.5, unit: 篇}]
"""
QUARTER = ("2024-01", "2024-02", "2024-03")


def test_every_month_short_of_the_minimum_deducts_even_without_records() -> None:
    records = [
        record("甲", "xx", count=2, period="2024-01"),
        record("乙", "xx", count=2, period="2024-01"),
    ]
    result = score(scheme(FREQUENCY), records, periods=QUARTER)
    assert node_score(result, "甲", "信息报送") == 8


def test_records_in_one_month_add_up_towards_its_minimum() -> None:
    records = [record("甲", "xx", period=month) for month in QUARTER for _ in range(2)]
    result = score(scheme(FREQUENCY), records, periods=QUARTER)
    assert node_score(result, "甲", "信息报送") == 10


def test_a_record_dated_in_the_month_counts_for_it() -> None:
    import datetime

    records = [record("甲", "xx", count=2, date=datetime.date(2024, 2, 9))]
    result = score(scheme(FREQUENCY), records, periods=QUARTER)
    assert node_score(result, "甲", "信息报送") == 8


def test_a_record_outside_the_cycle_is_reported() -> None:
    with pytest.raises(FactsError, match="期间「2023-12」不在本考核周期内"):
        score(scheme(FREQUENCY), [record("甲", "xx", period="2023-12")], periods=QUARTER)


def test_a_monthly_minimum_needs_the_cycles_months() -> None:
    with pytest.raises(FactsError, match="需要在事实文件中给出考核周期的月份"):
        score(scheme(FREQUENCY), [record("甲", "xx")])


def test_a_yearly_minimum_counts_the_whole_cycle() -> None:
    body = """
    - name: 调研
      points: 5
      rules: [{id: dy, kind: frequency, minimum: 2, per: year, amount: -1}]
    """
    result = score(scheme(body), [record("甲", "dy")])
    assert node_score(result, "甲", "调研") == 4


def test_quarterly_minimums_group_the_months() -> None:
    body = """
    - name: 会议
      points: 5
      rules: [{id: hy, kind: frequency, minimum: 1, per: quarter, amount: -1}]
    """
    months = tuple(f"2024-{m:02d}" for m in range(1, 7))
    result = score(scheme(body), [record("甲", "hy", period="2024-02")], periods=months)
    assert node_score(result, "甲", "会议") == 4
