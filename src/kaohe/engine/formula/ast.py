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
