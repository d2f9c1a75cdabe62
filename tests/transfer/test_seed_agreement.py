"""Importing each seed text, set against the hand-encoded built-in scheme (schemes/<id>.yaml).

Every seed agrees in tree and points, and in every rule the import did not flag for a person.
"""

from pathlib import Path

import pytest

from kaohe.transfer.agreement import SEED_SCHEMES, Agreement, compare, seed_agreements

SEEDS = Path(__file__).parents[1] / "data" / "import" / "seeds"
SCHEMES = Path(__file__).parents[2] / "schemes"


@pytest.fixture(scope="module")
def agreements() -> dict[str, Agreement]:
    return {result.seed: result for result in seed_agreements(SEEDS, SCHEMES)}


def built_in(agreements: dict[str, Agreement], seed: str) -> Agreement:
    result = agreements[seed]
    if result.problem.startswith("缺少内置方案"):
        pytest.skip(f"{seed}: {result.problem}")
    return result


def test_every_seed_gets_an_agreement_line_and_missing_built_ins_are_named(agreements):
    assert sorted(agreements) == sorted(SEED_SCHEMES)
    for seed, result in agreements.items():
        if not (SCHEMES / f"{SEED_SCHEMES[seed]}.yaml").exists():
            assert "缺少内置方案" in result.lines()[0]


@pytest.mark.parametrize("seed", sorted(SEED_SCHEMES))
def test_every_seed_matches_its_built_in_tree_points_and_unflagged_rules(agreements, seed):
    result = built_in(agreements, seed)

    assert result.problem == ""
    assert (result.imported_only, result.builtin_only) == ([], [])
    assert result.points_differ == []
    assert result.rules_differ == []
    assert result.matched == result.indicators > 0


def test_seed_001_has_no_indicator_table_so_its_parts_come_from_the_weights_all_flagged(
    agreements,
):
    result = built_in(agreements, "001")

    assert result.matched == 3
    assert (result.rules_equal, result.rules_flagged) == (0, 3)


def test_the_same_scoring_written_as_a_checklist_or_as_once_only_deductions_agrees():
    once = [
        {"id": f"1-{n}", "kind": "per_occurrence", "amount": "-0.8", "cap": "0.8"} for n in range(3)
    ]
    checklist = [{"id": "c", "kind": "checklist", "amount": "-0.8", "tasks": ["甲", "乙", "丙"]}]

    assert (
        compare(Agreement("x", "x"), scheme(rules=once), scheme(rules=checklist)).rules_differ == []
    )
    two_tasks = [{**checklist[0], "tasks": ["甲", "乙"]}]
    assert compare(Agreement("x", "x"), scheme(rules=once), scheme(rules=two_tasks)).rules_differ


def test_a_rule_that_may_repeat_does_not_agree_with_one_that_counts_once():
    repeating = [{"id": "r", "kind": "per_occurrence", "amount": "-0.5"}]
    once = [{"id": "o", "kind": "per_occurrence", "amount": "-0.5", "cap": "0.5"}]

    assert compare(Agreement("x", "x"), scheme(rules=repeating), scheme(rules=once)).rules_differ


def scheme(points="5", rules=None, flagged=False):
    rule = {"id": "1-1", "kind": "per_occurrence", "amount": "-1"}
    if flagged:
        rule = {"id": "1-1", "kind": "discretionary", "flagged": True}
    return {
        "sections": [
            {"name": "一、工作落实（5分）", "points": points, "rules": rules or [rule]},
        ]
    }


def test_names_are_compared_without_numbering_spaces_or_punctuation():
    result = compare(
        Agreement("x", "x"), scheme(), {"sections": [{"name": "工作 落实", "points": 5}]}
    )

    assert result.tree_agrees


def test_a_different_point_value_and_a_different_rule_are_listed():
    theirs = scheme(points="4", rules=[{"id": "a", "kind": "per_occurrence", "amount": -2}])

    result = compare(Agreement("x", "x"), scheme(), theirs)

    assert result.points_differ == ["工作落实：导入 5，内置 4"]
    assert len(result.rules_differ) == 1


def test_a_flagged_rule_is_counted_apart_not_as_a_disagreement():
    result = compare(Agreement("x", "x"), scheme(flagged=True), scheme())

    assert (result.rules_flagged, result.rules_differ) == (1, [])
