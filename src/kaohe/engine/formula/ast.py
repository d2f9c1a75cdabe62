"""The formula's syntax tree: small immutable nodes, each remembering where it started."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Number:
    value: Decimal
    position: int


@dataclass(frozen=True)
class SectionRef:
    name: str
    position: int


@dataclass(frozen=True)
class Negate:
    operand: Expression
    position: int


@dataclass(frozen=True)
class Binary:
    operator: str  # one of + - * /
    left: Expression
    right: Expression
    position: int


@dataclass(frozen=True)
class Call:
    function: str  # min | max | round
    arguments: tuple[Expression, ...]
    position: int


Expression = Number | SectionRef | Negate | Binary | Call


def section_names(expression: Expression) -> list[SectionRef]:
    """Every section reference in the expression, left to right."""
    if isinstance(expression, SectionRef):
        return [expression]
    if isinstance(expression, Negate):
        return section_names(expression.operand)
    if isinstance(expression, Binary):
        return section_names(expression.left) + section_names(expression.right)
    if isinstance(expression, Call):
        return [ref for argument in expression.arguments for ref in section_names(argument)]
    return []


def subtracted(expression: Expression, negated: bool = False) -> list[SectionRef]:
    """The section references the formula takes away (after a minus, or negated), left to
    right: ``a - min(b, 10)`` takes away b."""
    if isinstance(expression, SectionRef):
        return [expression] if negated else []
    if isinstance(expression, Negate):
        return subtracted(expression.operand, not negated)
    if isinstance(expression, Binary):
        right = not negated if expression.operator == "-" else negated
        return subtracted(expression.left, negated) + subtracted(expression.right, right)
    if isinstance(expression, Call):
        return [ref for argument in expression.arguments for ref in subtracted(argument, negated)]
    return []
