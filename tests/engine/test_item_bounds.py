"""Step 3 and 4: item kinds, floors and caps at every level, zero on an event."""

from __future__ import annotations

from .builders import D, node_score, record, scheme, score


def test_a_scored_item_may_go_below_zero_by_its_allowance() -> None:
    body = """
    - name: 帮扶
      points: 5
      floor: -1
      rules: [{id: bf, kind: per_occurrence, amount: -2}]
    """
    assert node_score(score(scheme(body), [record("甲", "bf", count=4)]), "甲", "帮扶") == -1


def test_a_penalty_item_never_goes_positive_and_stops_at_its_allowance() -> None:
    body = """
    - name: 党风廉政
      kind: penalty
      points: 8
      rules:
        - {id: kf, kind: per_occurrence, amount: -3}
        - {id: jf, kind: per_occurrence, amount: 5}
    """
    result = score(scheme(body), [record("甲", "kf", count=4), record("乙", "jf")])
    assert node_score(result, "甲", "党风廉政") == -8
    assert node_score(result, "乙", "党风廉政") == 0


def test_a_capped_bonus_item_stops_at_its_cap_and_says_so() -> None:
    body = """
    - name: 正向激励
      kind: bonus
      points: 5
      rules: [{id: jl, kind: per_occurrence, amount: 2}]
    """
    result = score(scheme(body), [record("甲", "jl", count=4)])
    assert node_score(result, "甲", "正向激励") == 5
    assert "封顶 5 分" in result.units["甲"].nodes["正向激励"].explanation[-1]


def test_an_uncapped_bonus_item_keeps_everything() -> None:
    body = """
    - name: 综合加分
      kind: bonus
      cap: null
      rules: [{id: jl, kind: per_occurrence, amount: 3}]
    """
    assert node_score(score(scheme(body), [record("甲", "jl", count=4)]), "甲", "综合加分") == 12


def test_zero_on_event_empties_the_item_whatever_else_happened() -> None:
    body = """
    - name: 安全生产
      points: 10
      rules:
        - {id: sg, kind: zero_on_event, label: 发生安全事故}
        - {id: kf, kind: per_occurrence, amount: -1}
    """
    result = score(scheme(body), [record("甲", "sg"), record("甲", "kf")])
    leaf = result.units["甲"].nodes["安全生产"]
    assert leaf.score == 0
    assert leaf.explanation[-1] == "发生安全事故：本项不得分，得 0 分"


def test_a_group_is_capped_at_its_points_and_floored_where_the_scheme_says() -> None:
    body = """
    - name: 日常考核
      points: 10
      floor: 0
      children:
        - {name: 甲项, points: 6, rules: [{id: a, kind: per_occurrence, amount: -1}]}
        - {name: 乙项, points: 4}
        - name: 倒扣
          kind: penalty
          points: 20
          rules: [{id: c, kind: per_occurrence, amount: -5}]
        - name: 加分
          kind: bonus
          rules: [{id: b, kind: per_occurrence, amount: 1}]
    """
    result = score(scheme(body), [record("多", "b", count=3), record("少", "c", count=3)])
    assert node_score(result, "多", "日常考核") == 10
    assert node_score(result, "少", "日常考核") == 0
    assert "本级扣完为止" in result.units["少"].nodes["日常考核"].explanation[0]


def test_a_section_sums_its_groups() -> None:
    body = """
    - name: 业务工作
      children:
        - name: 一
          children:
            - {name: 甲, points: 3, rules: [{id: a, kind: per_occurrence, amount: -0.5}]}
            - {name: 乙, points: 2}
        - {name: 二, points: 5}
    """
    result = score(scheme(body), [record("单位", "a")])
    assert node_score(result, "单位", "业务工作 › 一") == D("4.5")
    assert node_score(result, "单位", "业务工作") == D("9.5")
