"""Schemes are validated when they load, with Chinese problems naming the node path."""

from __future__ import annotations

import pytest

from kaohe.engine import SchemeError, load_scheme

from .builders import ONE_ITEM, scheme


def problems_of(body: str, **top: object) -> str:
    with pytest.raises(SchemeError) as caught:
        scheme(body, **top)
    return "\n".join(caught.value.problems)


def test_a_valid_scheme_loads_with_codes_by_position() -> None:
    loaded = scheme(ONE_ITEM)
    assert loaded.nodes["工作纪律"].code == "1"
    assert loaded.find_node("1") is loaded.nodes["工作纪律"]


def test_a_formula_naming_an_unknown_section_fails_with_its_position() -> None:
    message = problems_of(ONE_ITEM, formula="工作纪律 + 公众评价")
    assert "「公众评价」不是本方案的一级指标" in message
    assert "第 8 个字符" in message


def test_a_band_with_a_min_at_the_bottom_is_a_gap() -> None:
    message = problems_of(
        ONE_ITEM, grades=[{"name": "优秀", "min": 90}, {"name": "良好", "min": 80}]
    )
    assert "最低等次「良好」不应设 min" in message


def test_bands_must_fall_from_highest_to_lowest() -> None:
    grades = [{"name": "良好", "min": 80}, {"name": "优秀", "min": 90}, {"name": "一般"}]
    assert "从高到低" in problems_of(ONE_ITEM, grades=grades)


def test_a_cap_below_zero_names_the_node_path() -> None:
    body = """
    - name: 日常考核
      children:
        - {name: 纪律, points: 10, cap: -1}
    """
    message = problems_of(body)
    assert "方案「测试方案」 › 日常考核 › 纪律" in message
    assert "「cap」不能小于 0" in message


def test_children_worth_more_than_their_group_are_reported() -> None:
    body = """
    - name: 日常考核
      points: 30
      children:
        - {name: 甲, points: 20}
        - {name: 乙, points: 11}
    """
    assert "子指标分值合计 31 超过本级分值 30" in problems_of(body)


def test_bonus_and_penalty_allowances_do_not_count_towards_a_groups_points() -> None:
    body = """
    - name: 日常考核
      points: 20
      children:
        - {name: 甲, points: 20}
        - {name: 加分, kind: bonus, points: 5}
        - {name: 倒扣, kind: penalty, points: 3}
    """
    assert scheme(body).nodes["日常考核"].points == 20


def test_every_problem_is_reported_at_once() -> None:
    body = """
    - name: 甲
      points: 10
      colour: red
      rules:
        - {id: a, kind: per_occurrence}
        - {id: a, kind: teleport}
    """
    message = problems_of(body)
    assert "未知的字段「colour」" in message
    assert "需要「amount」或「levels」" in message
    assert "未知的规则类型「teleport」" in message
    assert "规则编号「a」重复" in message


def test_an_unknown_rule_setting_is_an_error() -> None:
    body = """
    - name: 甲
      points: 10
      rules: [{id: a, kind: per_occurrence, amount: -1, amout: -2}]
    """
    assert "规则「a」: 未知的字段「amout」" in problems_of(body)


def test_a_value_item_needs_exactly_one_value_rule() -> None:
    assert "需要且只能有一条取值规则" in problems_of("- {name: 测评, points: 10, kind: value}")


def test_evaluation_weights_must_add_up_to_one() -> None:
    body = """
    - name: 测评
      points: 10
      kind: value
      rules: [{id: e, kind: evaluation, groups: {领导: 0.6, 群众: 0.3}}]
    """
    assert "权重合计应为 1" in problems_of(body)


def test_move_to_must_name_a_sibling() -> None:
    body = """
    - name: 甲
      points: 5
      not_applicable: {move_to: 丙}
    - {name: 乙, points: 30}
    """
    assert "找不到「丙」" in problems_of(body)


def test_an_escalation_must_follow_an_existing_rule() -> None:
    body = """
    - name: 甲
      points: 10
      rules: [{id: more, kind: escalation, amount: -5, after: nothing}]
    """
    assert "「after」指向不存在的规则「nothing」" in problems_of(body)


def test_a_quota_must_name_existing_grades() -> None:
    grades = [{"name": "优秀", "min": 90}, {"name": "良好"}]
    quota = {"grade": "优秀", "ratio": 0.3, "demote_to": "合格"}
    assert "等次「合格」不在 grades 中" in problems_of(
        ONE_ITEM, grades=grades, excellence_quota=quota
    )


def test_a_top_level_that_is_not_a_mapping_is_refused() -> None:
    with pytest.raises(SchemeError, match="顶层应为映射"):
        load_scheme(["not", "a", "scheme"])  # type: ignore[arg-type]


def test_a_valid_scheme_still_gets_notes_on_what_looks_unintended() -> None:
    from kaohe.engine import scheme_notes

    body = """
    - name: 日常
      points: 30
      children:
        - {name: 甲, points: 20, rules: [{id: a, kind: per_occurrence, amount: -1, flagged: true}]}
        - {name: 乙, points: 5}
    """
    assert scheme_notes(scheme(body)) == [
        "日常: 子指标分值合计 25 少于本级分值 30，无人能得满分",
        "日常 › 乙: 没有评分规则，所有单位都将得满分",
        "日常 › 甲 › 规则「甲」由文本识别而来，把握不足，请人工核对",
    ]
