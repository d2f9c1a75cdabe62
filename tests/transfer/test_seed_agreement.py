"""Importing each seed text, set against the hand-encoded built-in scheme (schemes/<id>.yaml).

Where the import and the hand encoding differ, the tests name the known gaps: facts the seed text
does not state (points the office worked out by hand), sub-rules written as one paragraph, and
the one seed (001) that has no indicator table at all.
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


def test_seed_004_matches_its_built_in_scheme_in_tree_points_and_unflagged_rules(agreements):
    result = built_in(agreements, "004")

    assert result.tree_agrees
    assert result.points_agree
    assert result.rules_differ == []


def test_seed_000_matches_the_tree_and_differs_only_where_the_text_gives_no_points(agreements):
    result = built_in(agreements, "000")

    assert result.tree_agrees
    assert result.points_differ
    assert all(item.startswith("基础管理 ›") for item in result.points_differ)


def test_seed_002_matches_all_but_the_sub_items_of_its_reward_rules(agreements):
    result = built_in(agreements, "002")

    assert result.imported_only == []
    assert all(path.startswith("考核奖惩 ›") for path in result.builtin_only)


def test_seed_003_matches_its_built_in_scheme_in_tree_and_points(agreements):
    result = built_in(agreements, "003")

    assert result.tree_agrees
    assert result.points_agree


def test_seed_001_has_no_indicator_table_to_import_which_the_agreement_says(agreements):
    result = built_in(agreements, "001")

    assert "导入失败" in result.problem
    assert "未在文件中找到考核指标" in result.lines()[0]


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
