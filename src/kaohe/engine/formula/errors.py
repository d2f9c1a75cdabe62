"""Typed formula errors; each points at the character where the problem starts."""

from __future__ import annotations

from kaohe.engine.errors import EngineError


class FormulaError(EngineError):
    """A problem with a formula. ``position`` is a 0-based character offset into ``text``."""

    def __init__(self, message: str, text: str, position: int) -> None:
        self.message = message
        self.text = text
        self.position = position
        super().__init__(f"公式第 {position + 1} 个字符处：{message}（{self.pointer()}）")

    def pointer(self) -> str:
        """The formula with a ▲ before the offending character."""
        return f"{self.text[: self.position]}▲{self.text[self.position :]}"


class FormulaSyntaxError(FormulaError):
    """The text is not a formula: an unexpected character, a missing operand or parenthesis."""


class UnknownSectionError(FormulaError):
    """A name in the formula is not one of the scheme's sections."""


class FormulaEvaluationError(FormulaError):
    """The formula cannot be evaluated on these subtotals (division by zero)."""
