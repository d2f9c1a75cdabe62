"""Properties that hold for any records: bounds, signs, order, 就高, and the formula."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kaohe.engine import Facts, Record, Scheme, Unit, compute, compute_unit
from kaohe.engine.compute.explainer import UnitExplainer
from kaohe.engine.formula import evaluate
from kaohe.engine.numbers import round_half_up

from .builders import scheme

BODY = """
- name: 日常
  points: 20
  floor: 0
  children:
    - name: 纪律
      points: 10
      rules: [{id: jl, kind: per_occurrence, amount: -1, cap: 4}]
    - name: 作风
      points: 10
      floor: -2
      rules: [{id: zf, kind: per_occurrence, levels: {一般: -1.5, 严重: -3}}]
    - name: 倒扣
      kind: penalty
      points: 5
      rules: [{id: dk, kind: per_occurrence, amount: -2}]
    - name: 激励
      kind: bonus
      points: 3
      rules: [{id: jj, kind: per_occurrence, amount: 1.5}]
- name: 业务
  points: 20
  children:
    - name: 工程
      points: 10
      rules: [{id: gc, kind: shortfall, target: 15, step: 1, amount: -1, partial: prorate}]
    - name: 任务
      points: 10
      rules: [{id: rw, kind: checklist, tasks: [甲, 乙, 丙], amount: -4}]
- name: 加分
  kind: bonus
  cap: null
  rules: [{id: bz, kind: tiered, levels: {本级: 1, 市级: 2, 省级: 3}}]
"""
SCHEME: Scheme = scheme(BODY, formula="0.6*日常 + 0.4*业务 + min(加分, 5)")
UNITS = ("一科", "二科", "三科")
LEVELS = {"zf": ("一般", "严重"), "rw": ("甲", "乙", "丙"), "bz": ("本级", "市级", "省级")}


@st.composite
def records(draw: st.DrawFn) -> Record:
    rule = draw(st.sampled_from(["jl", "zf", "dk", "jj", "gc", "rw", "bz"]))
    return Record(
        unit=draw(st.sampled_from(UNITS)),
        rule=rule,
        count=Decimal(draw(st.integers(0, 6))),
        value=Decimal(draw(st.integers(0, 40))) / 2,
        level=draw(st.sampled_from(LEVELS[rule])) if rule in LEVELS else "",
        incident=draw(st.sampled_from(["", "", "事项A", "事项B"])),
    )


record_lists = st.lists(records(), max_size=25)
FEW = settings(max_examples=60, deadline=None)


@FEW
@given(record_lists)
def test_every_score_stays_within_its_floor_and_cap(items: list[Record]) -> None:
    result = compute(SCHEME, Facts.of(items))
    for unit in result.units.values():
        for path, node_result in unit.nodes.items():
            node = SCHEME.nodes[path]
            assert node.floor is None or node_result.score >= node.floor
            assert node.cap is None or node_result.score <= node.cap


@FEW
@given(record_lists)
def test_penalty_items_never_go_positive_and_bonus_items_never_negative(
    items: list[Record],
) -> None:
    result = compute(SCHEME, Facts.of(items))
    for unit in result.units.values():
        for path, node_result in unit.nodes.items():
            kind = SCHEME.nodes[path].kind
            assert kind != "penalty" or node_result.score <= 0
            assert kind != "bonus" or node_result.score >= 0


def numbers(items: list[Record]) -> list[tuple[object, ...]]:
    """Every number a unit sees, in result order: total, rank, grade and each node's score."""
    result = compute(SCHEME, Facts.of(items))
    return [
        (unit.unit, unit.total, unit.rank, unit.grade, *(n.score for n in unit.nodes.values()))
        for unit in result.units.values()
    ]


@FEW
@given(record_lists, st.randoms(use_true_random=False))
def test_the_order_of_records_never_changes_a_result(items: list[Record], random: object) -> None:
    shuffled = list(items)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert numbers(items) == numbers(shuffled)


@FEW
@given(record_lists, st.sampled_from(["jl", "dk"]), st.sampled_from(UNITS))
def test_a_second_record_under_the_same_incident_never_increases_a_deduction(
    items: list[Record], rule: str, unit: str
) -> None:
    first = Record(unit, rule=rule, count=Decimal(2), incident="同一事项")
    before = compute(SCHEME, Facts.of([*items, first])).units[unit].total
    second = Record(unit, rule=rule, count=Decimal(1), incident="同一事项")
    after = compute(SCHEME, Facts.of([*items, first, second])).units[unit].total
    assert after >= before


@FEW
@given(record_lists)
def test_the_total_is_the_formula_over_the_section_subtotals(items: list[Record]) -> None:
    result = compute(SCHEME, Facts.of(items))
    for unit in result.units.values():
        expected = evaluate(SCHEME.formula, unit.sections)
        assert unit.total == round_half_up(expected, SCHEME.decimals)


@FEW
@given(record_lists)
def test_the_quick_path_scores_every_leaf_as_its_explanation_does(items: list[Record]) -> None:
    result = compute(SCHEME, Facts.of(items))
    for unit in result.units.values():
        for node_result in unit.nodes.values():
            explainer = node_result.explainer
            if isinstance(explainer, UnitExplainer):
                explained = explainer.explained(node_result.path)
                assert explained is not None
                assert explained.score == node_result.score


@FEW
@given(record_lists)
def test_recomputing_any_unit_against_its_own_cycle_changes_nothing(items: list[Record]) -> None:
    facts = Facts.of(items)
    cycle = compute(SCHEME, facts)
    for name, full in cycle.units.items():
        alone = compute_unit(SCHEME, facts.for_unit(name), cycle.context)
        assert (alone.total, alone.rank, alone.grade) == (full.total, full.rank, full.grade)
        assert [n.score for n in alone.nodes.values()] == [n.score for n in full.nodes.values()]


CROSS: Scheme = scheme(
    """
- name: 业务
  points: 60
  children:
    - name: 窗口
      points: 20
      applies_to: [窗口]
      rules: [{id: ck, kind: per_occurrence, amount: -2}]
    - name: 年度要点
      points: 30
      rules: [{id: yd, kind: per_occurrence, amount: -1, cap: 10}]
    - name: 招商
      points: 10
      applies_to: [经济]
      not_applicable: {move_to: 年度要点}
- name: 加分
  kind: bonus
  cap: null
  rules:
    - {id: cx, kind: rank, metric: value, sequence: [3, 2, 1]}
    - {id: fj, kind: veto, consequence: no_excellence}
""",
    categories=["窗口", "经济"],
    grades=[{"name": "优秀", "min": 55}, {"name": "良好"}],
    excellence_quota={"grade": "优秀", "ratio": 0.5, "demote_to": "良好"},
)
CROSS_UNITS = [
    Unit("一", ("窗口",)),
    Unit("二", ("经济",)),
    Unit("三", ("窗口", "经济")),
    Unit("四"),
]
cross_records = st.lists(
    st.builds(
        Record,
        unit=st.sampled_from([unit.name for unit in CROSS_UNITS]),
        rule=st.sampled_from(["ck", "yd", "cx", "fj"]),
        count=st.integers(1, 4).map(Decimal),
        value=st.integers(0, 5).map(Decimal),
    ),
    max_size=15,
)


def cross_numbers(items: list[Record]) -> list[tuple[object, ...]]:
    result = compute(CROSS, Facts.of(items, units=CROSS_UNITS))
    return [
        (u.unit, u.total, u.rank, u.grade, *(n.score for n in u.nodes.values()))
        for u in result.units.values()
    ]


@FEW
@given(cross_records, st.randoms(use_true_random=False))
def test_averages_rankings_and_the_quota_ignore_the_order_of_records(
    items: list[Record], random: object
) -> None:
    shuffled = list(items)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert cross_numbers(items) == cross_numbers(shuffled)


@FEW
@given(cross_records)
def test_no_more_units_are_excellent_than_the_quota_allows(items: list[Record]) -> None:
    result = compute(CROSS, Facts.of(items, units=CROSS_UNITS))
    assert sum(1 for unit in result.units.values() if unit.grade == "优秀") <= 2
