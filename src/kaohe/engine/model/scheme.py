"""The scheme: an indicator tree of nodes carrying rules, plus how sections combine and grade."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from kaohe.engine.formula.ast import Expression

NodeKind = Literal["scored", "penalty", "bonus", "value", "group"]
PATH_SEPARATOR = " › "


def within(path: str, root: str) -> bool:
    """Whether the indicator at ``path`` is ``root`` itself or lies inside its subtree."""
    return path == root or path.startswith(root + PATH_SEPARATOR)


@dataclass(frozen=True)
class Owners:
    """任务分工: the leaders, units and persons responsible for an indicator."""

    leaders: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()


@dataclass(frozen=True)
class NotApplicable:
    """What a unit gets for an item it does not take part in.

    ``mode`` is ``average`` (the participants' average), ``move_to`` (the points move to the
    sibling named ``target``, which is rescaled), ``full`` (满分) or ``zero``.
    """

    mode: Literal["average", "move_to", "full", "zero"] = "average"
    target: str = ""


@dataclass(frozen=True)
class Rule:
    """One 评分规则 on an indicator.

    ``settings`` holds the kind's parameters as written (numbers as ``Decimal``), ``params`` the
    kind's typed reading of them. ``cap`` is the largest magnitude the rule may contribute.
    """

    id: str
    kind: str
    node_path: str
    settings: Mapping[str, Any]
    params: object
    label: str = ""
    cap: Decimal | None = None
    multipliers: Mapping[str, Decimal] = field(default_factory=dict)
    text: str = ""
    flagged: bool = False

    def __hash__(self) -> int:
        # Rule ids are unique in a scheme; settings (a dict) cannot be hashed.
        return hash(self.id)

    @property
    def title(self) -> str:
        """How explanations name the rule: its label, else its item's name."""
        return self.label or self.node_path.rpartition(PATH_SEPARATOR)[2]


@dataclass(frozen=True)
class Node:
    """A section or indicator. A node with children is a group (``kind == "group"``)."""

    name: str
    code: str
    path: str
    kind: NodeKind
    points: Decimal | None
    floor: Decimal | None
    cap: Decimal | None
    rules: tuple[Rule, ...] = ()
    children: tuple[Node, ...] = ()
    criteria: str = ""
    assessor: str = ""
    owners: Owners = Owners()
    applies_to: tuple[str, ...] = ()
    not_applicable: NotApplicable = NotApplicable()
    system: str = ""
    decimals: int | None = None  # 本项得分保留 N 位小数 (half-up), on items only

    @property
    def is_group(self) -> bool:
        return self.kind == "group"

    def walk(self) -> Iterator[Node]:
        """This node and every descendant, parents before children."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class GradeBand:
    """等次: a unit whose total is at least ``min`` gets ``name``; the lowest band has no min."""

    name: str
    min: Decimal | None


@dataclass(frozen=True)
class ExcellenceQuota:
    """优秀比例: at most ``ratio`` of ranked units keep ``grade``; the rest get ``demote_to``.
    ``rounding`` turns ratio × units into places: ``floor`` (不超过: 1.8 → 1), ``half_up``
    (四舍五入: 1.5 → 2) or ``ceil`` (不足 1 个按 1 个计: 1.2 → 2)."""

    grade: str
    ratio: Decimal
    demote_to: str
    rounding: str = "floor"


@dataclass(frozen=True)
class Scheme:
    """A validated 考核方案. Build it with :func:`kaohe.engine.load_scheme`."""

    id: str
    name: str
    body: str
    period: str
    decimals: int
    categories: tuple[str, ...]
    formula_text: str
    formula: Expression
    grades: tuple[GradeBand, ...]
    excellence_quota: ExcellenceQuota | None
    tie_breakers: tuple[str, ...]
    sections: tuple[Node, ...]
    nodes: Mapping[str, Node] = field(init=False, repr=False, compare=False)
    rules: Mapping[str, Rule] = field(init=False, repr=False, compare=False)
    codes: Mapping[str, str] = field(init=False, repr=False, compare=False)
    # Derived data compute builds once per scheme (the scheme itself never changes).
    memo: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        nodes = {node.path: node for section in self.sections for node in section.walk()}
        rules = {rule.id: rule for node in nodes.values() for rule in node.rules}
        object.__setattr__(self, "nodes", nodes)
        object.__setattr__(self, "rules", rules)
        object.__setattr__(self, "codes", {node.code: node.path for node in nodes.values()})

    def find_node(self, reference: str) -> Node | None:
        """A node by path (› or / between names), by code, or by a name unique in the scheme."""
        reference = reference.strip()
        path = PATH_SEPARATOR.join(part.strip() for part in reference.replace("›", "/").split("/"))
        if path in self.nodes:
            return self.nodes[path]
        if reference in self.codes:
            return self.nodes[self.codes[reference]]
        named = [node for node in self.nodes.values() if node.name == reference]
        return named[0] if len(named) == 1 else None

    def leaves(self) -> Iterator[Node]:
        return (node for node in self.nodes.values() if not node.is_group)
