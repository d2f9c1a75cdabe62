"""Frequency minimums and lateness worked by hand in a cycle of 3 months and one of 12."""

from __future__ import annotations

import pytest

from kaohe.engine import Unit

from .builders import D, record, scheme, score

FREQUENCY = """
- name: 日常
  points: 30
  children:
    - name: 信息报送
      points: 10
      rules:
        - {id: xinxi, kind: frequency, minimum: 2, per: month, amount: -0.5, unit: 篇}
    - name: 调研
      points: 5
      rules:
        - {id: diaoyan, kind: frequency, minimum: 1, per: quarter, amount: -1}
    - name: 学习
      points: 5
      rules:
        - {id: xuexi, kind: frequency, minimum: 2, per: year, amount: -1}
    - name: 材料
      points: 10
      rules:
        - {id: chibao, kind: lateness, amount: -0.5, per: month}
"""
QUARTER = ["2024-01", "2024-02", "2024-03"]
YEAR = [f"2024-{month:02d}" for month in range(1, 13)]
RECORDS = [
    record("甲", "xinxi", count=3, period="2024-01"),
    record("甲", "xinxi", count=1, period="2024-02"),
    record("甲", "xuexi", count=1, period="2024-02"),
    record("甲", "chibao", count=2),
]


@pytest.mark.parametrize(
    ("periods", "expected"),
    [
        # 3 months. 甲 信息: Jan 3 (ok), Feb 1 (−0.5), Mar 0 (−1) → 8.5; 调研 Q1 0 → −1 → 4;
        #   学习 2024 has 1 of 2 → −1 → 4; 材料 2 late months × −0.5 → 9.  25.5
        # 乙 no records: 信息 3 × 2 short × 0.5 = −3 → 7; 调研 4; 学习 2 short → 3; 材料 10. 24
        (QUARTER, {"甲": ("25.5", "8.5", "4", "4", "9"), "乙": ("24", "7", "4", "3", "10")}),
        # 12 months. 甲 信息: Feb −0.5, Mar–Dec 10 × −1 → −10.5 → 0 (扣完为止); 调研 4 quarters
        #   × −1 → 1; 学习 4; 材料 9.  14
        # 乙: 信息 12 × −1 = −12 → 0; 调研 1; 学习 3; 材料 10.  14 (a tie)
        (YEAR, {"甲": ("14", "0", "1", "4", "9"), "乙": ("14", "0", "1", "3", "10")}),
    ],
)
def test_frequency_and_lateness_by_hand(periods, expected):  # type: ignore[no-untyped-def]
    result = score(scheme(FREQUENCY), RECORDS, units=[Unit("甲"), Unit("乙")], periods=periods)
    for name, (total, *items) in expected.items():
        unit = result.units[name]
        assert unit.total == D(total)
        scores = [
            unit.nodes[f"日常 › {item}"].score for item in ("信息报送", "调研", "学习", "材料")
        ]
        assert scores == [D(item) for item in items]


def test_each_short_month_is_its_own_line_and_the_lines_add_up():
    result = score(scheme(FREQUENCY), RECORDS, units=[Unit("甲"), Unit("乙")], periods=QUARTER)
    assert result.units["甲"].nodes["日常 › 信息报送"].explanation == [
        "信息报送：2024-02 月 1 篇，应不少于 2 篇，少 1 篇，扣 0.5 分",
        "信息报送：2024-03 月 0 篇，应不少于 2 篇，少 2 篇，扣 1 分",
        "满分 10 分，合计扣 1.5 分，得 8.5 分",
    ]
