"""Score the reader against a labelled corpus: exact matches and confident-but-wrong rules.

A corpus entry is a criteria text with the rules and node facts a careful reader writes down.
An entry matches exactly when the rules read equal the expected rules, in order, and the node
facts are equal. A flagged rule matches an expected ``{kind: discretionary, flagged: true}``
(its ``text`` is the source and is not compared). A rule read with confidence at or above the
threshold that is not among the expected rules is *confident but wrong* — the number that must
stay at zero, because a person trusts those rules without looking.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kaohe.textrules.criteria import read_criteria
from kaohe.textrules.reading import Reading, ReadRule

_NOT_COMPARED = frozenset({"text"})


@dataclass(frozen=True)
class CorpusEntry:
    text: str
    rules: tuple[dict[str, Any], ...]
    node: dict[str, Any] = field(default_factory=dict)
    points: Decimal | None = None
    seed: str | None = None


def as_decimals(value: Any) -> Any:
    """Numbers from YAML become Decimals (via their text, so 0.1 stays 0.1)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return Decimal(str(value))
    if isinstance(value, Mapping):
        return {str(key): as_decimals(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [as_decimals(item) for item in value]
    return value


def entry_from(data: Mapping[str, Any]) -> CorpusEntry:
    """One corpus entry from its YAML mapping: text, rules, node, points, seed."""
    points = data.get("points")
    return CorpusEntry(
        text=str(data["text"]),
        rules=tuple(as_decimals(rule) for rule in data.get("rules") or ()),
        node=as_decimals(data.get("node") or {}),
        points=None if points is None else Decimal(str(points)),
        seed=None if data.get("seed") is None else str(data["seed"]),
    )


def comparable(rule: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in rule.items() if key not in _NOT_COMPARED}


@dataclass(frozen=True)
class EntryResult:
    entry: CorpusEntry
    reading: Reading

    @property
    def read_rules(self) -> list[dict[str, Any]]:
        return [comparable(rule.rule) for rule in self.reading.rules]

    @property
    def exact(self) -> bool:
        expected = [comparable(rule) for rule in self.entry.rules]
        return self.read_rules == expected and self.reading.node == self.entry.node

    @property
    def confident_but_wrong(self) -> tuple[ReadRule, ...]:
        expected = [comparable(rule) for rule in self.entry.rules]
        wrong = []
        for rule in self.reading.rules:
            if rule.confident and comparable(rule.rule) not in expected:
                wrong.append(rule)
        return tuple(wrong)

    @property
    def wrong_node_facts(self) -> dict[str, Any]:
        """Node facts read with a value the corpus does not expect: as bad as a wrong rule."""
        node, expected = self.reading.node, self.entry.node
        return {key: value for key, value in node.items() if expected.get(key, ...) != value}


@dataclass(frozen=True)
class Scorecard:
    results: tuple[EntryResult, ...]

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def exact(self) -> int:
        return sum(result.exact for result in self.results)

    @property
    def accuracy(self) -> Decimal:
        if not self.results:
            return Decimal(0)
        return (Decimal(100) * self.exact / self.total).quantize(Decimal("0.1"))

    @property
    def confident_but_wrong(self) -> int:
        return sum(
            len(result.confident_but_wrong) + len(result.wrong_node_facts)
            for result in self.results
        )

    @property
    def flagged(self) -> int:
        return sum(len(result.reading.flagged) for result in self.results)

    @property
    def failures(self) -> tuple[EntryResult, ...]:
        return tuple(result for result in self.results if not result.exact)


def evaluate(entries: Iterable[CorpusEntry]) -> Scorecard:
    """Read every entry and compare."""
    return Scorecard(
        tuple(
            EntryResult(entry, read_criteria(entry.text, points=entry.points)) for entry in entries
        )
    )
