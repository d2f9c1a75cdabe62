"""The formula language: our own parser, exact Decimal arithmetic, errors that point."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kaohe.engine.formula import (
    FormulaError,
    FormulaEvaluationError,
    FormulaSyntaxError,
    UnknownSectionError,
    evaluate,
    explain,
    parse,
    parse_for_sections,
)
from kaohe.engine.numbers import round_half_up

SUBTOTALS = {"指标": Decimal("85"), "公众评议": Decimal("90"), "察访核验": Decimal("12")}


def value_of(text: str) -> Decimal:
    return evaluate(parse_for_sections(text, SUBTOTALS), SUBTOTALS, text)


def test_weighted_sections_combine_exactly() -> None:
    assert value_of("0.7*指标 + 0.3*公众评议 - min(察访核验, 10)") == Decimal("76.5")


def test_multiplication_binds_tighter_than_addition_and_parentheses_override() -> None:
    assert value_of("1 + 2 * 3") == 7
    assert value_of("(1 + 2) * 3") == 9


def test_subtraction_is_left_associative() -> None:
    assert value_of("10 - 3 - 2") == 5


def test_chinese_operators_full_width_brackets_and_percentages_are_understood() -> None:
    assert value_of("指标×70% ＋ 公众评议×30% − 察访核验÷4") == Decimal("83.5")
    assert value_of("（指标 + 5）÷ 2") == 45


def test_round_uses_half_up_and_max_takes_the_larger() -> None:
    assert value_of("round(2.345, 2)") == Decimal("2.35")
    assert value_of("round(2.5)") == 3
    assert value_of("max(指标, 公众评议, 0)") == 90


def test_a_quoted_name_may_hold_brackets() -> None:
    sections = {"指标自评（抽查）": Decimal("80")}
    expression = parse_for_sections("0.7*「指标自评（抽查）」", sections)
    assert evaluate(expression, sections) == 56


def test_thirds_stay_exact_enough_to_round_once_at_the_end() -> None:
    assert round_half_up(value_of("指标 / 3 * 3"), 2) == Decimal("85.00")


def test_an_unknown_section_points_at_its_first_character() -> None:
    with pytest.raises(UnknownSectionError) as caught:
        parse_for_sections("指标 + 公众评价", SUBTOTALS)
    assert caught.value.position == 5
    assert "▲公众评价" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("指标 +", 4),
        ("(指标 + 1", 7),
        ("指标 公众评议", 3),
        ("min(指标)", 0),
        ("3 % 2", 2),
        ("1..2", 0),
    ],
)
def test_syntax_errors_point_at_the_problem(text: str, position: int) -> None:
    with pytest.raises(FormulaSyntaxError) as caught:
        parse(text)
    assert caught.value.position == position


def test_eval_style_input_is_refused_by_the_parser() -> None:
    with pytest.raises(FormulaError):
        parse_for_sections("__import__('os')", SUBTOTALS)


def test_division_by_a_zero_subtotal_is_a_formula_error_not_a_crash() -> None:
    with pytest.raises(FormulaEvaluationError, match="除数为 0"):
        evaluate(parse("指标 / (察访核验 - 12)"), SUBTOTALS, "指标 / (察访核验 - 12)")


def test_the_explanation_writes_the_subtotals_into_the_formula() -> None:
    written = explain(parse("0.7*指标 + 0.3*(公众评议 - 察访核验)"), SUBTOTALS)
    assert written == "0.7×指标(85) + 0.3×(公众评议(90) − 察访核验(12))"
