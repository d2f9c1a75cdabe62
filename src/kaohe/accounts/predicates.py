"""Yes-or-no questions about a user, small enough to read at a glance and combined with & | ~.

A predicate is asked ``predicate(user, *things)``: the user first, then whatever the question is
about (a cycle unit, a record, an appeal, a report). A predicate written for fewer things ignores
the rest, so ``is_office | assesses`` asks both about the same record. ``via("unit")`` asks
the same question about one attribute of the thing: "may read the unit's results" becomes
"may read the results of the unit this record is about".
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

Test = Callable[..., Any]


class Predicate:
    def __init__(self, test: Test, name: str | None = None) -> None:
        self.test = test
        self.name = name or test.__name__
        self.takes = positional_count(test)

    def __call__(self, user: Any, *things: Any) -> bool:
        asked = things if self.takes is None else things[: max(self.takes - 1, 0)]
        return bool(self.test(user, *asked))

    def __and__(self, other: Predicate) -> Predicate:
        return Predicate(lambda *args: self(*args) and other(*args), f"({self} & {other})")

    def __or__(self, other: Predicate) -> Predicate:
        return Predicate(lambda *args: self(*args) or other(*args), f"({self} | {other})")

    def __invert__(self) -> Predicate:
        return Predicate(lambda *args: not self(*args), f"~{self}")

    def via(self, attribute: str) -> Predicate:
        """The same question asked about ``thing.<attribute>`` instead of the thing."""
        return Predicate(
            lambda user, thing: self(user, getattr(thing, attribute)), f"{self}.{attribute}"
        )

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<Predicate {self.name}>"


def positional_count(test: Test) -> int | None:
    """How many positional arguments ``test`` takes; None when it takes any number."""
    parameters = inspect.signature(test).parameters.values()
    if any(parameter.kind == parameter.VAR_POSITIONAL for parameter in parameters):
        return None
    return sum(
        parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD)
        for parameter in parameters
    )


def predicate(test: Test) -> Predicate:
    """Decorator: the function becomes a combinable predicate under its own name."""
    return Predicate(test)


def holds(*roles: str) -> Predicate:
    """A signed-in user holding at least one of ``roles``."""

    def holds_role(user: Any) -> bool:
        return bool(user.is_authenticated and user.has_role(*roles))

    return Predicate(holds_role, f"holds({', '.join(roles)})")
