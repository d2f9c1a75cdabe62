"""The formula language that combines section subtotals into a total.

Numbers (``0.7``, ``70%``), section names in Chinese (or quoted 「…」 when a name holds operator
characters), ``+ - * /`` (also ``× ÷ −`` and full-width forms), parentheses, and the functions
``min``, ``max`` and ``round(x, n)``. Parsed by our own recursive-descent parser — never ``eval`` —
checked against the scheme's section names when the scheme loads, evaluated in a Decimal context.
"""

from kaohe.engine.formula.ast import Expression
from kaohe.engine.formula.errors import (
    FormulaError,
    FormulaEvaluationError,
    FormulaSyntaxError,
    UnknownSectionError,
)
from kaohe.engine.formula.evaluate import evaluate, explain
from kaohe.engine.formula.parser import parse, parse_for_sections

__all__ = [
    "Expression",
    "FormulaError",
    "FormulaEvaluationError",
    "FormulaSyntaxError",
    "UnknownSectionError",
    "evaluate",
    "explain",
    "parse",
    "parse_for_sections",
]
