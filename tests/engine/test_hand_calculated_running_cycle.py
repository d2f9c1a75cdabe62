"""A cycle still running, worked by hand: frequency minimums deduct only for periods that are
over (the one in progress says it is not deducted yet), and a target nobody reported says so
rather than reading as met."""

from __future__ import annotations

import datetime

from kaohe.engine import Unit

from .builders import D, node_score, record, scheme, score

MINIMUMS = """
- name: 日常
  points: 20
  children:
    - name: 信息报送
      points: 10
      rules:
        - {id: xx, kind: frequency, minimum: 2, per: quarter, amount: -0.5, unit: 篇}
    - name: 例会
      points: 10
      rules:
        - {id: lh, kind: frequency, minimum: 1, per: month, amount: -1}
"""
YEAR = [f"2026-{month:02d}" for month in range(1, 13)]


def minimums(as_of: datetime.date | None):  # type: ignore[no-untyped-def]
    r = record
    records = [
        r("甲", "xx", count=1, period="2026-02"),
        r("甲", "xx", count=1, period="2026-04"),
        r("甲", "lh", period="2026-01"),
        r("甲", "lh", period="2026-03"),
    ]
    return score(scheme(MINIMUMS), records, units=[Unit("甲")], periods=YEAR, as_of=as_of)


def test_on_the_tenth_of_may_only_the_periods_that_are_over_deduct():
    # 信息报送 (每季度不少于 2 篇, 每少 1 篇扣 0.5 分): Q1 has 1 → −0.5; Q2 (April–June, still
    #   running) has 1 so far → not yet; Q3 and Q4 not begun → nothing. 10 − 0.5 = 9.5.
    # 例会 (每月不少于 1 次, 每少 1 次扣 1 分): Jan 1, Feb 0 → −1, Mar 1, Apr 0 → −1; May is
    #   running → not yet; June–December not begun. 10 − 2 = 8.  日常 17.5.
    # (Before: every month and quarter of 2026 was counted — 信息 10 − 3 = 7, 例会 10 − 10 = 0.)
    result = minimums(datetime.date(2026, 5, 10))
    assert node_score(result, "甲", "日常 › 信息报送") == D("9.5")
    assert node_score(result, "甲", "日常 › 例会") == 8
    assert result.units["甲"].total == D("17.50")
    assert result.units["甲"].nodes["日常 › 信息报送"].explanation == [
        "信息报送：2026-Q1 季度 1 篇，应不少于 2 篇，少 1 篇，扣 0.5 分",
        "信息报送：2026-Q2 季度尚未结束（计至 2026-05-10），已 1 篇，应不少于 2 篇，暂不扣分",
        "满分 10 分，合计扣 0.5 分，得 9.5 分",
    ]


def test_the_last_day_of_a_period_is_still_inside_it():
    # On 31 March, Q1 is not over: the unit may still report that day → 信息 10; 例会 Feb −1 → 9.
    # On 1 April Q1 is over: 信息 −0.5 → 9.5; 例会 Feb −1, April just begun → 9.
    on_the_last_day = minimums(datetime.date(2026, 3, 31))
    assert node_score(on_the_last_day, "甲", "日常 › 信息报送") == 10
    assert node_score(on_the_last_day, "甲", "日常 › 例会") == 9
    the_day_after = minimums(datetime.date(2026, 4, 1))
    assert node_score(the_day_after, "甲", "日常 › 信息报送") == D("9.5")
    assert node_score(the_day_after, "甲", "日常 › 例会") == 9


def test_a_cycle_that_is_over_counts_every_period():
    # Q1 1, Q2 1, Q3 0, Q4 0 → 0.5 + 0.5 + 1 + 1 = 3 → 7.  例会: 10 empty months → 0.
    result = minimums(None)
    assert node_score(result, "甲", "日常 › 信息报送") == 7
    assert node_score(result, "甲", "日常 › 例会") == 0


TARGET = """
- name: 任务
  points: 10
  rules:
    - {id: mj, kind: shortfall, target: 10, step: 1, amount: -1, unit: 万平方米, label: 建设面积}
    - {id: wj, kind: per_occurrence, amount: -0.5, label: 违纪}
"""


def test_a_target_nobody_reported_is_not_deducted_and_the_item_says_so():
    # 甲 reported 8.5 万平方米: 1.5 short, whole steps → 1 → −1 → 9.
    # 乙 reported nothing: no deduction (nobody can say how short it is), and the item says the
    #   figure was not reported — before, it read 「无扣分记录，得满分 10 分」 as if the target
    #   were met. 丙 reported nothing either, but has a 违纪 record: −0.5 → 9.5, said likewise.
    r = record
    records = [r("甲", "mj", value="8.5"), r("丙", "wj")]
    result = score(scheme(TARGET), records, units=[Unit("甲"), Unit("乙"), Unit("丙")])
    assert {name: unit.total for name, unit in result.units.items()} == {
        "甲": D("9.00"),
        "乙": D("10.00"),
        "丙": D("9.50"),
    }
    assert result.units["乙"].nodes["任务"].explanation == [
        "建设面积：未填报实际完成数（目标 10万平方米），未按差额扣分",
        "无扣分记录，得满分 10 分",
    ]
    assert result.units["丙"].nodes["任务"].explanation == [
        "违纪：1 次 × 0.5 分，扣 0.5 分",
        "建设面积：未填报实际完成数（目标 10万平方米），未按差额扣分",
        "满分 10 分，合计扣 0.5 分，得 9.5 分",
    ]
    assert not any("未填报" in line for line in result.units["甲"].nodes["任务"].explanation)
