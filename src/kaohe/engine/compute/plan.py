"""What compute derives from a scheme once and reuses for every unit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from kaohe.engine.model.facts import Unit
from kaohe.engine.model.scheme import Node, Rule, Scheme, within
from kaohe.engine.numbers import ZERO, clamp
from kaohe.engine.rules.base import Line, QuickTotal, RuleKind
from kaohe.engine.rules.registry import kinds

_MEMO_KEY = "compute.plan"


class QuickStep(NamedTuple):
    """A rule the quick path can take: its bound total and the bounds it is held to.

    The rule's total is held within ``low`` and ``high`` (its cap either way; None without a
    cap). ``single`` is set when the rule is its item's only rule, so that the item's score can
    be taken on the spot: ``start`` (the points of a scored item, or None) plus the capped
    total, within the item's ``floor`` and ``ceiling``.
    """

    path: str
    total: QuickTotal
    low: Decimal | None
    high: Decimal | None
    single: bool
    start: Decimal | None
    floor: Decimal | None
    ceiling: Decimal | None
    multipliers: Mapping[str, Decimal]


def quick_step(rule: Rule, node: Node, total: QuickTotal) -> QuickStep:
    start = node.points if node.kind == "scored" and node.points else None
    single = len(node.rules) == 1
    low = None if rule.cap is None else -rule.cap
    floor, ceiling = node.floor, node.cap
    if single and rule.cap is not None:
        # A capped rule keeps the score within start ± cap: an item bound outside that range
        # can never apply, and the quick loop need not compare against it.
        lowest, highest = (start or ZERO) - rule.cap, (start or ZERO) + rule.cap
        floor = None if floor is not None and floor <= lowest else floor
        ceiling = None if ceiling is not None and ceiling >= highest else ceiling
    return QuickStep(
        node.path, total, low, rule.cap, single, start, floor, ceiling, rule.multipliers
    )


@dataclass
class Plan:
    scheme: Scheme
    kinds: dict[str, RuleKind]
    rule_node: dict[str, Node]
    always: list[Rule]
    cross: list[Rule]
    groups_bottom_up: list[tuple[Node, tuple[str, ...]]]
    groups: dict[str, Node]
    rule_order: dict[str, int]
    cross_paths: frozenset[str]
    # Every node in tree order with a leaf's score and lines when it has no records.
    default_scores: dict[str, Decimal]
    default_lines: dict[str, tuple[Line, ...]]
    # The rules the quick path can take, with what it needs to know of each.
    quick: dict[str, QuickStep]
    # Items whose score the scheme rounds before it is summed (本项保留两位小数).
    rounded: tuple[Node, ...] = ()
    resolved: dict[tuple[str, str], Rule | str] = field(default_factory=dict)
    absent_cache: dict[tuple[tuple[str, ...], tuple[str, ...]], frozenset[str]] = field(
        default_factory=dict
    )
    absent_all_cache: dict[frozenset[str], frozenset[str]] = field(default_factory=dict)

    def absent_all(self, absent: frozenset[str]) -> frozenset[str]:
        """The absent nodes with all their descendants."""
        if absent not in self.absent_all_cache:
            paths = {n.path for path in absent for n in self.scheme.nodes[path].walk()}
            self.absent_all_cache[absent] = frozenset(paths)
        return self.absent_all_cache[absent]

    def absent(self, unit: Unit) -> frozenset[str]:
        """Paths of the nodes the unit does not take part in, topmost ones only."""
        key = (unit.categories, unit.not_participating)
        if key not in self.absent_cache:
            self.absent_cache[key] = frozenset(self.find_absent(unit))
        return self.absent_cache[key]

    def find_absent(self, unit: Unit) -> list[str]:
        found = (self.scheme.find_node(item) for item in unit.not_participating)
        skipped = {node.path for node in found if node is not None}
        absent: list[str] = []
        for node in self.scheme.nodes.values():
            if any(within(node.path, path) for path in absent):
                continue
            outside = node.applies_to and not set(node.applies_to) & set(unit.categories)
            if outside or node.path in skipped:
                absent.append(node.path)
        return absent


def plan_for(scheme: Scheme) -> Plan:
    """The scheme's plan, built on first use and kept with the scheme (schemes are immutable)."""
    memo = scheme.memo
    if _MEMO_KEY not in memo:
        memo[_MEMO_KEY] = build_plan(scheme)
    plan = memo[_MEMO_KEY]
    assert isinstance(plan, Plan)
    return plan


def build_plan(scheme: Scheme) -> Plan:
    registry = kinds()
    rules = list(scheme.rules.values())
    # Items with a rank rule are finished after every unit is known, through the full path.
    cross_paths = frozenset(r.node_path for r in rules if registry[r.kind].role == "cross")
    return Plan(
        scheme=scheme,
        kinds=registry,
        rule_node={rule.id: scheme.nodes[rule.node_path] for rule in rules},
        always=[rule for rule in rules if registry[rule.kind].always],
        cross=[rule for rule in rules if registry[rule.kind].role == "cross"],
        groups_bottom_up=[
            (node, tuple(child.path for child in node.children))
            for node in reversed(list(scheme.nodes.values()))
            if node.is_group
        ],
        groups={path: node for path, node in scheme.nodes.items() if node.is_group},
        rule_order={rule_id: index for index, rule_id in enumerate(scheme.rules)},
        cross_paths=cross_paths,
        quick={
            rule.id: quick_step(rule, scheme.nodes[rule.node_path], quick)
            for rule in rules
            if rule.node_path not in cross_paths
            and (quick := registry[rule.kind].quick(rule, scheme.nodes[rule.node_path]))
        },
        default_scores={path: default_score(node) for path, node in scheme.nodes.items()},
        default_lines={node.path: default_lines(node, registry) for node in scheme.leaves()},
        rounded=tuple(node for node in scheme.leaves() if node.decimals is not None),
    )


def default_score(node: Node) -> Decimal:
    """A leaf's score when the unit has no records for it (groups are summed later)."""
    if node.kind == "scored":
        return clamp(node.points or ZERO, node.floor, node.cap)
    return ZERO


def default_lines(node: Node, registry: Mapping[str, RuleKind]) -> tuple[Line, ...]:
    unreported = unreported_lines(node.rules, registry)
    if node.kind == "scored":
        return (*unreported, Line("无扣分记录，得满分 {} 分", (default_score(node),)))
    word = "加分" if node.kind == "bonus" else "扣分"
    return (*unreported, Line("无{}记录，得 0 分", (word,)))


def unreported_lines(rules: Iterable[Rule], registry: Mapping[str, RuleKind]) -> list[Line]:
    """What the item's explanation says of its rules that had no record and did nothing."""
    found = (registry[rule.kind].unreported(rule) for rule in rules)
    return [line for line in found if line is not None]


def resolve(plan: Plan, indicator: str, rule_id: str) -> Rule | str:
    """The rule a record is for, or a Chinese problem saying why it cannot be found."""
    key = (indicator, rule_id)
    found = plan.resolved.get(key)
    if found is None:
        found = plan.resolved[key] = find_rule(plan.scheme, indicator, rule_id)
    return found


def find_rule(scheme: Scheme, indicator: str, rule_id: str) -> Rule | str:
    if rule_id:
        rule = scheme.rules.get(rule_id)
        if rule is None:
            return f"规则「{rule_id}」不在方案中"
        node = scheme.find_node(indicator) if indicator else None
        if indicator and (node is None or node.path != rule.node_path):
            return (
                f"规则「{rule_id}」属于指标「{rule.node_path}」，与「指标」列的「{indicator}」不符"
            )
        return rule
    node = scheme.find_node(indicator)
    if node is None:
        return f"找不到指标「{indicator}」（可填编号、名称或完整路径）"
    if len(node.rules) != 1:
        ids = "、".join(rule.id for rule in node.rules) or "无"
        return f"指标「{node.path}」有多条或没有规则（{ids}），请在「规则」列写明规则编号"
    return node.rules[0]


def ordered(rules: Sequence[Rule], scheme: Scheme) -> list[Rule]:
    order = {rule_id: index for index, rule_id in enumerate(scheme.rules)}
    return sorted(rules, key=lambda rule: order[rule.id])
