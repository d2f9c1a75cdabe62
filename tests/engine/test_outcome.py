"""Steps 7–10: the formula over sections, vetoes, grades, the quota, ranking and rounding."""

from __future__ import annotations

from kaohe.engine import Unit

from .builders import D, record, scheme, score

SECTIONS = """
- name: 指标
  points: 100
  rules:
    - {id: kf, kind: per_occurrence, amount: -1}
    - {id: sw, kind: veto, consequence: zero, label: 发生重大事故}
    - {id: last, kind: veto, consequence: rank_last, label: 严重违纪}
    - {id: cap, kind: veto, consequence: grade_cap, grade: 合格, label: 被通报批评}
    - {id: noex, kind: veto, consequence: no_excellence, label: 违反八项规定}
    - {id: out, kind: veto, consequence: disqualify, label: 弄虚作假}
    - {id: death, kind: veto, consequence: zero, threshold: 2, label: 安全事故死亡人数}
- name: 评议
  points: 100
  kind: value
  rules: [{id: py, kind: manual}]
"""
GRADES = [
    {"name": "优秀", "min": 90},
    {"name": "良好", "min": 80},
    {"name": "合格", "min": 60},
    {"name": "不合格"},
]


def graded(**top: object) -> object:
    return scheme(SECTIONS, formula="0.7*指标 + 0.3*评议", grades=GRADES, **top)


def cycle(*records: object, **top: object):  # type: ignore[no-untyped-def]
    rated = {r.unit for r in records if r.rule == "py"}  # type: ignore[attr-defined]
    base = [record(unit, "py", value=100) for unit in ["甲", "乙", "丙"] if unit not in rated]
    return score(graded(**top), base + list(records))  # type: ignore[arg-type]


def test_the_total_is_the_formula_over_the_section_subtotals() -> None:
    result = cycle(record("甲", "kf", count=10), record("甲", "py", value=90))
    unit = result.units["甲"]
    assert unit.sections == {"指标": 90, "评议": 90}
    assert unit.total == D("90.00")
    assert unit.explanation[0] == "总分 = 0.7×指标(90) + 0.3×评议(90) = 90 分"


def test_the_total_is_rounded_once_half_up_at_the_end() -> None:
    the_scheme = scheme(SECTIONS, formula="指标 / 3", decimals=1)
    result = score(the_scheme, [record("甲", "kf", count=95)])
    assert result.units["甲"].total == D("1.7")  # 5/3 = 1.666…


def test_a_zero_veto_empties_the_total_and_explains_why() -> None:
    result = cycle(record("甲", "sw", note="一次死亡3人"))
    assert result.units["甲"].total == 0
    assert any(
        "一票否决「发生重大事故」（一次死亡3人）" in line for line in result.units["甲"].explanation
    )


def test_a_veto_threshold_ignores_smaller_events() -> None:
    result = cycle(record("甲", "death", value=1), record("乙", "death", value=2))
    assert result.units["甲"].total == 100
    assert result.units["乙"].total == 0


def test_rank_last_puts_the_unit_after_everyone_else() -> None:
    result = cycle(record("乙", "kf", count=20), record("甲", "last"))
    assert [u.unit for u in result.units.values()] == ["丙", "乙", "甲"]
    assert result.units["甲"].rank == 3


def test_a_grade_cap_keeps_the_grade_at_most_the_named_band() -> None:
    result = cycle(record("甲", "cap"))
    assert result.units["甲"].grade == "合格"


def test_a_veto_is_explained_in_the_words_the_ranking_and_the_scheme_page_use() -> None:
    units = cycle(record("甲", "cap"), record("乙", "last")).units
    assert "一票否决「被通报批评」：等次封顶（合格）" in units["甲"].explanation
    assert "一票否决「严重违纪」：排名列最后" in units["乙"].explanation


def test_losing_excellence_drops_one_band_and_is_visible() -> None:
    result = cycle(record("甲", "noex"))
    assert result.units["甲"].grade == "良好"
    assert not result.units["甲"].excellence_eligible
    assert result.units["乙"].excellence_eligible


def test_a_disqualified_unit_has_no_rank_and_no_grade() -> None:
    result = cycle(record("甲", "out"))
    assert result.units["甲"].rank is None
    assert result.units["甲"].grade is None
    assert [u.rank for u in result.units.values() if u.rank] == [1, 1]


def test_grade_bands_are_inclusive_minimums() -> None:
    result = cycle(
        record("甲", "kf", count=10), record("甲", "py", value=90), record("乙", "kf", count=20)
    )
    assert result.units["甲"].total == D("90.00")
    assert result.units["甲"].grade == "优秀"
    assert result.units["乙"].grade == "良好"


def test_the_excellence_quota_demotes_units_beyond_it_in_rank_order() -> None:
    quota = {"grade": "优秀", "ratio": 0.4, "demote_to": "良好"}
    result = cycle(record("乙", "kf", count=1), record("丙", "kf", count=2), excellence_quota=quota)
    grades = {u.unit: u.grade for u in result.units.values()}
    assert grades == {"甲": "优秀", "乙": "良好", "丙": "良好"}  # 40% of 3 units is 1
    assert "优秀比例 0.4（1 个名额）已满" in result.units["乙"].explanation[-1]


def test_equal_totals_share_a_rank_unless_a_tie_breaker_separates_them() -> None:
    shared = cycle()
    assert [u.rank for u in shared.units.values()] == [1, 1, 1]
    by_name = cycle(tie_breakers=["total", "name"])
    assert [(u.unit, u.rank) for u in by_name.units.values()] == [("丙", 1), ("乙", 2), ("甲", 3)]


def test_a_section_can_break_ties() -> None:
    result = cycle(
        record("甲", "kf", count=3), record("乙", "py", value=93), tie_breakers=["total", "评议"]
    )
    assert result.units["甲"].total == result.units["乙"].total
    assert result.units["甲"].rank < result.units["乙"].rank  # type: ignore[operator]


def test_units_from_the_facts_without_records_are_scored_too() -> None:
    result = score(graded(), [], units=[Unit("空")])
    assert result.units["空"].total == 70


def test_a_record_for_a_unit_missing_from_the_declared_units_is_refused() -> None:
    import pytest

    from kaohe.engine import FactsError

    typo = record("办公 室", "kf", source="第 7 行")
    with pytest.raises(FactsError, match="第 7 行：被考核单位「办公 室」不在单位名单中"):
        score(graded(), [typo], units=[Unit("办公室")])
