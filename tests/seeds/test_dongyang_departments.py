"""Seed 003 — 东阳 2013年度市级机关部门工作目标责任制考核细则 (scheme dongyang-departments).

A year for six 市级机关部门: scores converted from other assessments (折算), 倒扣分 items that
only ever take away, non-participants given the participants' average, 金华 task points moved to
年度工作要点 (35 instead of 30 + 5), 综合评议 half-year ¼ + year-end ¾ and many per-occurrence
deductions. Every expected number was worked out by hand in
schemes/scenarios/dongyang-departments/working.md.
"""

from __future__ import annotations

from decimal import Decimal

from tests.seeds.scenario import (
    cents,
    load_scenario,
)

SCHEME = "dongyang-departments"


def score(unit: str, code: str) -> Decimal:
    return load_scenario(SCHEME).item_score(unit, code)


def test_a_department_outside_a_contest_gets_the_participants_average() -> None:
    # 工业竞赛: (1.92 + 1.8 + 1.7 + 1.56) ÷ 4
    assert score("民政局", "1.3.1") == score("文广新局", "1.3.1") == Decimal("1.745")


def test_a_department_outside_the_service_centre_shares_the_average_deduction() -> None:
    # (−0.16 − 0.4 + 0 − 0.8) ÷ 4
    assert score("民政局", "3.5") == Decimal("-0.34")


def test_without_jinhua_tasks_the_work_plan_is_worth_35_points() -> None:
    # 没有金华市考核任务的部门单位,年度工作要点权重35分: 35 × 92%
    assert cents(score("教育局", "2.2")) == Decimal("32.20")


def test_work_plan_completion_beyond_100_percent_earns_no_more_than_full_marks() -> None:
    assert score("民政局", "2.2") == 30


def test_a_converted_penalty_item_only_takes_away_in_proportion() -> None:
    # 五城同创 倒扣分5分: score 70 → (70 − 100) ÷ 100 × 5; a full 100 costs nothing.
    assert (score("住建局", "1.5"), score("发改局", "1.5")) == (Decimal("-1.5"), 0)


def test_a_penalty_item_never_takes_more_than_its_allowance() -> None:
    # 指导员工作 −1.4 → 倒扣分1分; 卫生强市 −3 → 每小项倒扣分2分
    assert (score("住建局", "1.4.4"), score("住建局", "3.6.18")) == (-1, -2)


def test_the_food_safety_item_loses_at_most_two_points_across_its_parts() -> None:
    # −0.25 (示范创建) + −2 (事件防控, itself capped) = −2.25 → −2
    assert score("住建局", "3.6.7") == -2


def test_a_shared_new_village_task_counts_double_for_a_non_member() -> None:
    # 非成员单位: 有资金扶持 is worth 1 point instead of 0.5.
    assert (score("教育局", "1.4.2"), score("发改局", "1.4.2")) == (1, Decimal("1.5"))


def test_a_task_recorded_twice_is_deducted_once() -> None:
    # 宣传工作 4 − 1 (重大主题活动, recorded twice) − 1 (学习型党组织建设)
    assert score("住建局", "3.3.1") == 2


def test_a_one_off_deduction_is_not_multiplied_by_repeat_findings() -> None:
    # 电子监察考核不合格的扣2分, found twice: 10 − 0.3 − 1 − 2 − 0.3 − 0.2
    assert score("财政局", "3.1") == Decimal("6.2")


def test_missing_monthly_reports_are_deducted_month_by_month() -> None:
    # 11 月 0 篇 (−0.4) and 12 月 1 篇 (−0.2) among the 3.1 deductions: 10 − 1.8 − 0.6
    assert score("住建局", "3.1") == Decimal("7.6")


def test_review_rounds_weigh_the_half_year_a_quarter_and_the_year_end_three_quarters() -> None:
    # 市级领导评议 80 (半年) and 82 (年终): (20 + 61.5) ÷ 100 × 5
    assert score("住建局", "3.7.1") == Decimal("4.075")


def test_the_total_is_rounded_once_half_up_at_the_end() -> None:
    assert load_scenario(SCHEME).unit("民政局").total == Decimal("72.93")  # 72.925
