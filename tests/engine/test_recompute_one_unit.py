"""compute_unit: one unit recomputed after a changed record agrees with a full compute."""

from __future__ import annotations

from kaohe.engine import Facts, Unit, compute, compute_unit, cross_unit_rules, rank_units

from .builders import record, scheme

BODY = """
- name: 业务
  points: 50
  applies_to: [业务部门]
  rules: [{id: yw, kind: per_occurrence, amount: -1}]
- name: 纪律
  points: 50
  rules: [{id: jl, kind: per_occurrence, amount: -2}]
- name: 创新
  kind: bonus
  cap: null
  rules: [{id: cx, kind: rank, metric: value, sequence: [3, 2, 1]}]
"""
GRADES = [{"name": "优秀", "min": 95}, {"name": "良好"}]
QUOTA = {"grade": "优秀", "ratio": 0.5, "demote_to": "良好"}


def setting() -> tuple[object, list[Unit], list[object]]:
    the_scheme = scheme(BODY, categories=["业务部门"], grades=GRADES, excellence_quota=QUOTA)
    units = [Unit(name, ("业务部门",)) for name in "甲乙丙"] + [Unit("丁")]
    records = [
        record("甲", "yw", count=2),
        record("乙", "jl"),
        record("甲", "cx", value=5),
        record("乙", "cx", value=3),
        record("丙", "cx", value=1),
    ]
    return the_scheme, units, records


def test_recomputing_one_unit_after_a_new_record_matches_the_full_result() -> None:
    the_scheme, units, records = setting()
    before = compute(the_scheme, Facts.of(records, units=units))  # type: ignore[arg-type]
    changed = [*records, record("丙", "jl", count=2)]
    facts = Facts.of(changed, units=units)
    alone = compute_unit(the_scheme, facts.for_unit("丙"), before.context)  # type: ignore[arg-type]
    full = compute(the_scheme, facts).units["丙"]  # type: ignore[arg-type]
    assert (alone.total, alone.rank, alone.grade) == (full.total, full.rank, full.grade)
    assert alone.nodes["纪律"].score == full.nodes["纪律"].score == 46


def test_a_recomputed_unit_takes_its_rank_place_against_the_others_as_they_stood() -> None:
    the_scheme, units, records = setting()
    before = compute(the_scheme, Facts.of(records, units=units))  # type: ignore[arg-type]
    facts = Facts.of([*records, record("丙", "cx", value=9)], units=units)
    alone = compute_unit(the_scheme, facts.for_unit("丙"), before.context)  # type: ignore[arg-type]
    assert alone.nodes["创新"].score == 3
    assert alone.rank == 1


def test_an_unchanged_unit_recomputes_to_the_same_result() -> None:
    the_scheme, units, records = setting()
    facts = Facts.of(records, units=units)
    cycle = compute(the_scheme, facts)  # type: ignore[arg-type]
    for name, full in cycle.units.items():
        alone = compute_unit(the_scheme, facts.for_unit(name), cycle.context)  # type: ignore[arg-type]
        assert (alone.total, alone.rank, alone.grade) == (full.total, full.rank, full.grade)
        assert alone.explanation == full.explanation


def test_ranking_again_with_the_recomputed_unit_matches_a_full_compute() -> None:
    the_scheme, units, records = setting()
    before = compute(the_scheme, Facts.of(records, units=units))  # type: ignore[arg-type]
    facts = Facts.of([*records, record("甲", "jl", count=3)], units=units)
    alone = compute_unit(the_scheme, facts.for_unit("甲"), before.context)  # type: ignore[arg-type]
    ranked = rank_units(the_scheme, {**before.units, "甲": alone})  # type: ignore[arg-type]
    again = rank_units(the_scheme, ranked)  # type: ignore[arg-type]
    full = compute(the_scheme, facts)  # type: ignore[arg-type]
    summary = [(u.unit, u.total, u.rank, u.grade, u.explanation) for u in full.units.values()]
    assert [(u.unit, u.total, u.rank, u.grade, u.explanation) for u in again.values()] == summary


def test_the_rank_rules_are_named_as_depending_on_other_units() -> None:
    the_scheme, _, _ = setting()
    assert [rule.id for rule in cross_unit_rules(the_scheme)] == ["cx"]  # type: ignore[arg-type]


def test_scoring_the_same_facts_twice_gives_the_same_result() -> None:
    from kaohe.engine import Record

    the_scheme, units, records = setting()
    by_code = [Record("甲", indicator="2", count=record.count) for record in records[:1]]
    facts = Facts.of([*records, *by_code], units=units)  # two spellings of one rule
    first = compute(the_scheme, facts).to_dict()  # type: ignore[arg-type]
    assert compute(the_scheme, facts).to_dict() == first  # type: ignore[arg-type]
