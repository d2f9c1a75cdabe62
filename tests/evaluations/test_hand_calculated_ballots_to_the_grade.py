"""From ballots to the grade, worked by hand: two evaluator groups (领导班子 60%, 服务对象 40%) in
two rounds (半年 ¼, 年终 ¾), 不了解 as no answer, 去掉最高分和最低分, a group whose quorum is
missed (nothing sent: the scheme counts it 0 and says so), a tie on the rounded total settled
by the scheme's tie-breaker, and the excellence quota (plain Python, no database)."""

from __future__ import annotations

from decimal import Decimal

from kaohe.engine import EvaluationScore, Unit
from kaohe.evaluations.tallying import CastBallot, GroupTally, Rules, tally

from ..engine.builders import D, record, scheme, score

GRADE_POINTS = {"满意": D(100), "基本满意": D(80), "不满意": D(0)}
SECTIONS = """
- name: 业绩
  points: 70
  kind: value
  rules: [{id: yj, kind: manual}]
- name: 综合评议
  points: 30
  kind: value
  rules:
    - id: py
      kind: evaluation
      groups: {领导班子: 0.6, 服务对象: 0.4}
      rounds: {半年: 0.25, 年终: 0.75}
"""


def ballots(marks_of_a: list[dict[str, str]], marks_of_b: list[dict[str, str]]) -> list[CastBallot]:
    return [CastBallot({"A": a, "B": b}) for a, b in zip(marks_of_a, marks_of_b, strict=True)]


def leaders_half_year() -> GroupTally:
    # Scores on two dimensions; a ballot's score for a unit is the mean of what it answered.
    # A: 85, 90, (不了解 twice: no answer), 97.5 → (85 + 90 + 97.5) ÷ 3 = 90.8333… → 90.833.
    # B: 70 (不了解 + 70), 80, 70, 87.5 → 307.5 ÷ 4 = 76.875.
    a = [
        {"作风": "90", "效率": "80"},
        {"作风": "90", "效率": "90"},
        {"作风": "不了解", "效率": "不了解"},
        {"作风": "100", "效率": "95"},
    ]
    b = [
        {"作风": "不了解", "效率": "70"},
        {"作风": "80", "效率": "80"},
        {"作风": "60", "效率": "80"},
        {"作风": "90", "效率": "85"},
    ]
    return tally(ballots(a, b), {"": 4}, ["A", "B"], Rules(GRADE_POINTS))


def users_half_year() -> GroupTally:
    # 4 valid ballots of 10 issued: 4 × 100 > 10 × 50 is false → the quorum is missed.
    a = [{"总体": "满意"}] * 4
    return tally(ballots(a, a), {"": 10}, ["A", "B"], Rules(GRADE_POINTS))


def leaders_year_end() -> GroupTally:
    # 去掉最高分和最低分. A: 100, 100, 80, 0, 100 → drop 0 and one 100 → 80, 100, 100 → 93.333.
    # B: 100, 80, 80, 80, 不了解 → 4 answers, drop 80 and 100 → 80, 80 → 80.
    a = [{"总体": mark} for mark in ("满意", "满意", "基本满意", "不满意", "满意")]
    b = [{"总体": mark} for mark in ("满意", "基本满意", "基本满意", "基本满意", "不了解")]
    rules = Rules(GRADE_POINTS, drop_extremes=True)
    return tally(ballots(a, b), {"": 5}, ["A", "B"], rules)


def users_year_end() -> GroupTally:
    # 4 of 6 issued: 400 > 300, counted. A: 80, 90, 85, 不了解 → 255 ÷ 3 = 85. B: 380 ÷ 4 = 95.
    a = [{"总体": mark} for mark in ("80", "90", "85", "不了解")]
    b = [{"总体": mark} for mark in ("95", "90", "100", "95")]
    return tally(ballots(a, b), {"": 6}, ["A", "B"], Rules(GRADE_POINTS))


def sent_scores() -> list[EvaluationScore]:
    """What the count sends to the scheme: each counted group's means, nothing from the rest."""
    counts = {
        ("领导班子", "半年"): leaders_half_year(),
        ("服务对象", "半年"): users_half_year(),
        ("领导班子", "年终"): leaders_year_end(),
        ("服务对象", "年终"): users_year_end(),
    }
    return [
        EvaluationScore(unit, "综合评议", group, result.mean, round_name)
        for (group, round_name), count in counts.items()
        if count.counts
        for unit, result in count.units.items()
        if result.mean is not None
    ]


def test_each_groups_mean_counts_answers_only_and_drops_the_extremes_when_asked():
    assert leaders_half_year().units["A"].mean == D("90.833")
    assert leaders_half_year().units["A"].no_answer == 1
    assert leaders_half_year().units["B"].mean == D("76.875")
    assert not users_half_year().quorum_met
    year_end = leaders_year_end()
    assert (year_end.units["A"].mean, year_end.units["A"].dropped) == (D("93.333"), 2)
    assert (year_end.units["B"].mean, year_end.units["B"].counted) == (D("80.000"), 2)
    assert users_year_end().units["A"].mean == D(85)


def test_the_weighted_evaluation_enters_the_total_the_ranking_and_the_quota():
    # Weights: 半年领导班子 0.25 × 0.6 = 0.15, 半年服务对象 0.1, 年终领导班子 0.45,
    #   年终服务对象 0.3.
    # A: 90.833 × 0.15 + 0 × 0.1 (quorum missed) + 93.333 × 0.45 + 85 × 0.3
    #    = 13.62495 + 0 + 41.99985 + 25.5 = 81.1248; × 30 ÷ 100 = 24.33744.
    #    业绩 66 → 90.33744 → 90.34.
    # B: 76.875 × 0.15 + 0 + 80 × 0.45 + 95 × 0.3 = 11.53125 + 36 + 28.5 = 76.03125;
    #    × 30 ÷ 100 = 22.809375. 业绩 67.53 → 90.339375 → 90.34.
    # A and B tie on the rounded total 90.34; the tie-breaker 综合评议 puts A (24.34) before
    #   B (22.81). C has no evaluation at all: 4 × 0 → 综合评议 0; 业绩 70 → 70 → 合格.
    # Quota 优秀 40% of 3 ranked units: ⌊1.2⌋ = 1 place → A keeps 优秀, B becomes 良好.
    the_scheme = scheme(
        SECTIONS,
        grades=[{"name": "优秀", "min": 90}, {"name": "良好", "min": 80}, {"name": "合格"}],
        excellence_quota={"grade": "优秀", "ratio": 0.4, "demote_to": "良好"},
        tie_breakers=["total", "综合评议", "name"],
    )
    records = [record("A", "yj", value=66), record("B", "yj", value="67.53")]
    records.append(record("C", "yj", value=70))
    units = [Unit("B"), Unit("A"), Unit("C")]
    result = score(the_scheme, records, units=units, evaluations=sent_scores())
    got = {name: (str(unit.total), unit.rank, unit.grade) for name, unit in result.units.items()}
    assert got == {"A": ("90.34", 1, "优秀"), "B": ("90.34", 2, "良好"), "C": ("70.00", 3, "合格")}
    assert result.units["A"].sections["综合评议"] == Decimal("24.33744")
    assert result.units["B"].sections["综合评议"] == Decimal("22.809375")


def test_a_group_that_sent_nothing_is_counted_0_and_the_item_says_so():
    # Before: the item's line showed 半年服务对象 0×0.1 with no reason (the warning went only to
    # the result's warnings, which the unit's breakdown does not show).
    the_scheme = scheme(SECTIONS)
    result = score(the_scheme, [record("A", "yj", value=66)], evaluations=sent_scores())
    unit = result.units["A"]
    assert unit.warnings == ["A：「综合评议」缺少「半年服务对象」的测评分，按 0 分计"]
    assert unit.nodes["综合评议"].explanation[0] == (
        "综合评议：半年领导班子 90.833×0.15 + 半年服务对象 0×0.1 + 年终领导班子 93.333×0.45"
        " + 年终服务对象 85×0.3 = 81.1248，÷ 100 × 30 分 = ≈24.3374 分"
        "（「半年服务对象」没有测评分，按 0 分计）"
    )
