"""Rules that count occurrences: per occurrence, by level, lateness, checklists, escalation."""

from __future__ import annotations

import pytest

from kaohe.engine import FactsError

from .builders import ONE_ITEM, D, node_score, record, scheme, score


def test_each_late_arrival_deducts_its_amount_and_says_so() -> None:
    result = score(scheme(ONE_ITEM), [record("办公室", "late", count=3)])
    assert node_score(result, "办公室", "工作纪律") == D("8.5")
    assert (
        "迟到早退：3 人次 × 0.5 分，扣 1.5 分"
        in result.units["办公室"].nodes["工作纪律"].explanation
    )


def test_a_record_without_a_count_counts_once() -> None:
    result = score(scheme(ONE_ITEM), [record("办公室", "absent")])
    assert node_score(result, "办公室", "工作纪律") == 8


def test_deductions_stop_at_zero_and_the_explanation_says_so() -> None:
    result = score(scheme(ONE_ITEM), [record("办公室", "absent", count=7)])
    leaf = result.units["办公室"].nodes["工作纪律"]
    assert leaf.score == 0
    assert leaf.explanation[-1] == "满分 10 分，合计扣 14 分；本项扣完为止，得 0 分"


def test_the_amount_can_depend_on_the_level() -> None:
    body = """
    - name: 信访
      points: 10
      rules: [{id: xf, kind: per_occurrence, levels: {到省: -3, 到市: -2}}]
    """
    records = [record("甲", "xf", level="到省"), record("甲", "xf", level="到市", count=2)]
    assert node_score(score(scheme(body), records), "甲", "信访") == 3


def test_an_unknown_level_is_reported_with_the_row() -> None:
    body = """
    - name: 信访
      points: 10
      rules: [{id: xf, kind: per_occurrence, levels: {到省: -3}}]
    """
    bad = record("甲", "xf", level="到京", source="第 4 行")
    with pytest.raises(FactsError, match="第 4 行：级别「到京」不在规则「信访」的级别"):
        score(scheme(body), [bad])


def test_a_rule_cap_limits_what_one_rule_can_take() -> None:
    body = """
    - name: 纪律
      points: 10
      rules: [{id: late, kind: per_occurrence, amount: -1, cap: 2}]
    """
    result = score(scheme(body), [record("甲", "late", count=5)])
    assert node_score(result, "甲", "纪律") == 8
    assert any("最多扣 2 分" in line for line in result.units["甲"].nodes["纪律"].explanation)


def test_each_late_period_deducts() -> None:
    body = """
    - name: 材料报送
      points: 5
      rules: [{id: late, kind: lateness, amount: -0.5, per: month}]
    """
    result = score(scheme(body), [record("甲", "late", count=3, period="2024-03")])
    assert node_score(result, "甲", "材料报送") == D("3.5")


def test_an_unfinished_task_counts_once_however_often_it_is_recorded() -> None:
    body = """
    - name: 重点任务
      points: 10
      rules: [{id: rw, kind: checklist, tasks: [一件事改革, 证照分离], amount: -2}]
    """
    records = [record("甲", "rw", level="证照分离"), record("甲", "rw", level="证照分离")]
    result = score(scheme(body), records)
    assert node_score(result, "甲", "重点任务") == 8
    assert "任务「证照分离」未完成" in result.units["甲"].nodes["重点任务"].explanation[0]


def test_a_task_not_on_the_checklist_is_a_problem() -> None:
    body = """
    - name: 重点任务
      points: 10
      rules: [{id: rw, kind: checklist, tasks: [一件事改革], amount: -2}]
    """
    with pytest.raises(FactsError, match="「证照分离」不是规则「重点任务」的任务"):
        score(scheme(body), [record("甲", "rw", level="证照分离")])


ESCALATION = """
- name: 安全
  points: 20
  rules:
    - {id: base, kind: per_occurrence, label: 发生事故, amount: -2}
    - {id: more, kind: escalation, label: 造成严重影响, amount: -5, after: base}
"""


def test_an_escalation_adds_to_the_rule_it_follows() -> None:
    result = score(scheme(ESCALATION), [record("甲", "base"), record("甲", "more")])
    assert node_score(result, "甲", "安全") == 13


def test_an_escalation_without_its_base_record_adds_nothing_and_warns() -> None:
    result = score(scheme(ESCALATION), [record("甲", "more")])
    assert node_score(result, "甲", "安全") == 20
    assert any("不追加" in warning for warning in result.units["甲"].warnings)


DISCRETIONARY = """
- name: 工作质量
  points: 10
  rules: [{id: zq, kind: discretionary, label: 酌情扣分, min: 1, max: 5}]
"""


def test_a_discretionary_deduction_uses_the_chosen_amount_and_shows_the_reason() -> None:
    result = score(scheme(DISCRETIONARY), [record("甲", "zq", value=3, note="整改不到位")])
    assert node_score(result, "甲", "工作质量") == 7
    assert "酌情扣分：扣 3 分（整改不到位）" in result.units["甲"].nodes["工作质量"].explanation


def test_a_discretionary_deduction_needs_a_reason() -> None:
    with pytest.raises(FactsError, match="必须在「说明」中写明理由"):
        score(scheme(DISCRETIONARY), [record("甲", "zq", value=3)])


def test_a_discretionary_amount_outside_the_range_is_refused() -> None:
    with pytest.raises(FactsError, match="分值 6 不在 1–5 分之间"):
        score(scheme(DISCRETIONARY), [record("甲", "zq", value=6, note="严重")])


def test_a_colour_status_maps_to_points() -> None:
    body = """
    - name: 重点项目
      points: 10
      rules: [{id: light, kind: colour, map: {绿灯: 0, 黄灯: -1, 红灯: -2}}]
    """
    records = [
        record("甲", "light", level="红灯", period="2024-Q1"),
        record("甲", "light", level="黄灯"),
    ]
    assert node_score(score(scheme(body), records), "甲", "重点项目") == 7


def test_records_may_name_the_item_by_code_when_it_has_one_rule() -> None:
    body = """
    - name: 日常
      children:
        - {name: 纪律, points: 10, rules: [{id: late, kind: per_occurrence, amount: -1}]}
    """
    from kaohe.engine import Record

    result = score(scheme(body), [Record("甲", indicator="1.1", count=D(2))])
    assert node_score(result, "甲", "日常 › 纪律") == 8


def test_an_item_with_several_rules_needs_the_rule_column() -> None:
    from kaohe.engine import Record

    with pytest.raises(FactsError, match="请在「规则」列写明规则编号"):
        score(scheme(ONE_ITEM), [Record("甲", indicator="工作纪律", source="第 2 行")])
