"""Tiered bonuses worked by hand: with highest_only (the default) the highest level counts once,
however the awards are entered; without it every award counts."""

from __future__ import annotations

import pytest

from .builders import D, node_score, record, scheme, score

TIERS = """
- name: 加分
  kind: bonus
  cap: null
  rules:
    - {id: zuigao, kind: tiered, levels: {本级: 1, 市级: 2, 省级: 3}, label: 创新评审}
    - {id: leijia, kind: tiered, levels: {本级: 1, 市级: 2, 省级: 3}, highest_only: false,
       label: 比赛获奖}
"""


@pytest.mark.parametrize(
    "records",
    [
        # Two 省级 results entered as two rows, or as one row with 次数 2, or beside a 市级 one:
        # 仅就最高级别加分 → 3 each time.
        [record("甲", "zuigao", level="省级"), record("甲", "zuigao", level="省级")],
        [record("甲", "zuigao", level="省级", count=2)],
        [record("甲", "zuigao", level="市级", count=3), record("甲", "zuigao", level="省级")],
    ],
)
def test_the_highest_level_counts_once_however_it_is_entered(records):  # type: ignore[no-untyped-def]
    result = score(scheme(TIERS), records)
    assert node_score(result, "甲", "加分") == D(3)


def test_without_highest_only_every_award_counts_rows_and_counts_alike():
    # 省级 × 2 (one row, 次数 2) + 市级 + 市级 (two rows) = 6 + 2 + 2 = 10.
    records = [
        record("甲", "leijia", level="省级", count=2),
        record("甲", "leijia", level="市级"),
        record("甲", "leijia", level="市级"),
    ]
    assert node_score(score(scheme(TIERS), records), "甲", "加分") == D(10)


def test_a_zero_count_is_no_award():
    records = [record("甲", "zuigao", level="省级", count=0), record("甲", "zuigao", level="本级")]
    assert node_score(score(scheme(TIERS), records), "甲", "加分") == D(1)
