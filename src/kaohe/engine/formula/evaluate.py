"""Evaluating a formula over section subtotals, exactly, in a Decimal context."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext

from kaohe.engine.formula.ast import Binary, Call, Expression, Negate, Number, SectionRef
from kaohe.engine.formula.errors import FormulaEvaluationError
from kaohe.engine.numbers import show

PRECISION = 34


def evaluate(expression: Expression, subtotals: Mapping[str, Decimal], text: str = "") -> Decimal:
    """The value of ``expression`` with each section name replaced by its subtotal."""
    with localcontext() as context:
        context.prec = PRECISION
        context.rounding = ROUND_HALF_UP
        return _value(expression, subtotals, text)


def _value(expression: Expression, subtotals: Mapping[str, Decimal], text: str) -> Decimal:
    if isinstance(expression, Number):
        return expression.value
    if isinstance(expression, SectionRef):
        return subtotals[expression.name]
    if isinstance(expression, Negate):
        return -_value(expression.operand, subtotals, text)
    if isinstance(expression, Binary):
        left = _value(expression.left, subtotals, text)
        right = _value(expression.right, subtotals, text)
        return _apply(expression, left, right, text)
    values = [_value(argument, subtotals, text) for argument in expression.arguments]
    return _call(expression, values)


def _apply(expression: Binary, left: Decimal, right: Decimal, text: str) -> Decimal:
    if expression.operator == "+":
        return left + right
    if expression.operator == "-":
        return left - right
    if expression.operator == "*":
        return left * right
    if right == 0:
        raise FormulaEvaluationError("除数为 0", text, expression.position)
    return left / right


def _call(expression: Call, values: list[Decimal]) -> Decimal:
    if expression.function == "min":
        return min(values)
    if expression.function == "max":
        return max(values)
    places = int(values[1]) if len(values) > 1 else 0
    return values[0].quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def explain(expression: Expression, subtotals: Mapping[str, Decimal]) -> str:
    """The formula written out with each subtotal in place, e.g. ``0.7×指标(85) + 公众评议(90)``."""
    if isinstance(expression, Number):
        return show(expression.value)
    if isinstance(expression, SectionRef):
        return f"{expression.name}({show(subtotals[expression.name])})"
    if isinstance(expression, Negate):
        return f"−{_wrapped(expression.operand, subtotals)}"
    if isinstance(expression, Binary):
        symbol = {"+": " + ", "-": " − ", "*": "×", "/": "÷"}[expression.operator]
        left = _wrapped(expression.left, subtotals, expression.operator in "*/")
        tight = expression.operator != "+"
        right = _wrapped(expression.right, subtotals, tight)
        return f"{left}{symbol}{right}"
    arguments = ", ".join(explain(argument, subtotals) for argument in expression.arguments)
    return f"{expression.function}({arguments})"


def _wrapped(expression: Expression, subtotals: Mapping[str, Decimal], tight: bool = True) -> str:
    """The operand, parenthesised only where precedence needs it."""
    written = explain(expression, subtotals)
    loose = isinstance(expression, Binary) and expression.operator in "+-"
    return f"({written})" if loose and tight else written
