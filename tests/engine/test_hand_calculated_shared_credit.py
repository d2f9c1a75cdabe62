"""合报 (shared credit) worked by hand: an amount split between units is divided exactly."""

from __future__ import annotations

from kaohe.engine import Unit

from .builders import D, node_score, record, scheme, score

SHARED = """
- name: 指标
  points: 100
  kind: value
  rules: [{id: zhibiao, kind: manual}]
- name: 加分
  kind: bonus
  points: 5
  rules:
    - {id: hebao, kind: per_occurrence, amount: 3, label: 合报信息}
    - {id: dubao, kind: per_occurrence, amount: 1, label: 单独报送}
    - {id: fanbei, kind: per_occurrence, amount: 1, label: 窗口信息, multipliers: {窗口科室: 2}}
"""
GRADES = [{"name": "优秀", "min": 90}, {"name": "良好", "min": 80}, {"name": "一般"}]


def shared_scheme():  # type: ignore[no-untyped-def]
    return scheme(SHARED, grades=GRADES, categories=["窗口科室"], tie_breakers=["total", "加分"])


def test_three_points_shared_three_ways_is_one_point_exactly_and_ties_with_one_point():
    # 甲: 合报信息 3 分，三家合报 → 3 ÷ 3 = 1 exactly; 89 + 1 = 90.
    # 乙: 单独报送 1 分 → 1; 89 + 1 = 90.
    # Equal on total and on the tie-breaker 加分 (1 = 1): both rank 1.
    records = [
        record("甲", "zhibiao", value=89),
        record("甲", "hebao", share=3),
        record("乙", "zhibiao", value=89),
        record("乙", "dubao"),
    ]
    result = score(shared_scheme(), records)
    assert node_score(result, "甲", "加分") == D(1)
    assert [result.units[name].rank for name in ("甲", "乙")] == [1, 1]
    assert "合报信息：1 次 × 3 分，加 3 分（合报 3 家均分，计加 1 分）" in (
        result.units["甲"].nodes["加分"].explanation
    )


def test_a_doubled_amount_shared_three_ways_is_two_thirds_of_the_double():
    # 窗口信息 1 分 × 2 (窗口科室) = 2, shared by 3 → 2/3 each; three such records → 2 exactly.
    # total = 88 + 2 = 90 → 优秀.
    records = [record("甲", "zhibiao", value=88)]
    records += [record("甲", "fanbei", share=3, incident=f"X{n}") for n in range(3)]
    result = score(shared_scheme(), records, units=[Unit("甲", ("窗口科室",))])
    assert node_score(result, "甲", "加分") == D(2)
    assert result.units["甲"].total == D(90)
    assert result.units["甲"].grade == "优秀"
