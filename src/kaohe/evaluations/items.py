"""The scheme's evaluation items (测评类指标): their groups, rounds and weights as the scheme sets
them. The office's score grid (results) and the evaluations' set-up both read them here."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kaohe import engine


@dataclass(frozen=True)
class Column:
    group: str
    round: str
    weight: Decimal = Decimal(1)

    @property
    def share(self) -> str:
        return f"{(self.weight * 100).normalize():f}%"

    @property
    def label(self) -> str:
        return f"{self.round} · {self.group}" if self.round else self.group


@dataclass(frozen=True)
class Item:
    path: str
    name: str
    columns: tuple[Column, ...]
    group_weights: tuple[tuple[str, Decimal], ...] = ()
    rounds: tuple[str, ...] = ()  # named rounds (半年, 年终); none when the item has one

    @property
    def groups(self) -> list[str]:
        return [group for group, _ in self.group_weights]

    def weight_of(self, group: str) -> Decimal | None:
        return dict(self.group_weights).get(group)


def evaluation_items(scheme: engine.Scheme) -> list[Item]:
    items = []
    for rule in scheme.rules.values():
        if rule.kind != "evaluation":
            continue
        params: Any = rule.params
        columns = tuple(
            Column(group, round_name, group_weight * round_weight)
            for round_name, round_weight in params.rounds.items()
            for group, group_weight in params.groups.items()
        )
        rounds = tuple(name for name in params.rounds if name)
        node = scheme.nodes[rule.node_path]
        items.append(Item(node.path, node.name, columns, tuple(params.groups.items()), rounds))
    return items
