"""The engine's errors: every message is Chinese and names where the problem is."""

from __future__ import annotations

from collections.abc import Sequence


class EngineError(Exception):
    """Base of every error the engine raises on purpose."""


class ProblemsError(EngineError):
    """An error carrying one or more problems, each a complete Chinese sentence."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("\n".join(self.problems))


class SchemeError(ProblemsError):
    """The scheme is invalid; each problem names the node path (方案「x」› 一级 › 二级: …)."""


class FactsError(ProblemsError):
    """Records, units or evaluation scores do not fit the scheme; each problem names the row."""
