"""Steps 1–3 for one unit: rules turn records into deltas or values, 就高, then leaf scores."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kaohe.engine.compute.dedupe import absorb_duplicates
from kaohe.engine.compute.plan import Plan
from kaohe.engine.compute.results import NodeResult
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.numbers import ZERO, clamp, show
from kaohe.engine.rules.base import Contribution, Line, RuleOutcome, UnitView, VetoHit, verb


@dataclass
class LeafParts:
    """What the rules did on one leaf, before its score is taken."""

    node: Node
    by_rule: dict[str, list[Contribution]] = field(default_factory=dict)
    value: tuple[Decimal, Line] | None = None
    zero: Line | None = None


@dataclass
class LeafScores:
    results: dict[str, NodeResult]
    pending: dict[str, LeafParts]
    vetoes: list[VetoHit]
    warnings: list[str]
    problems: list[str]


def score_leaves(plan: Plan, view: UnitView, absent: frozenset[str]) -> LeafScores:
    """Every leaf's result for the unit; leaves with cross-unit rules stay pending."""
    outcomes = apply_rules(plan, view, absent)
    parts: dict[str, LeafParts] = {}
    contributions: list[Contribution] = []
    scores = LeafScores({}, {}, [], [], [])
    for rule, outcome in outcomes:
        leaf = parts.setdefault(rule.node_path, LeafParts(plan.rule_node[rule.id]))
        adjusted = [adjust(rule, item, view) for item in outcome.contributions]
        contributions.extend(adjusted)
        leaf.by_rule[rule.id] = adjusted
        if outcome.value is not None and outcome.value_line is not None:
            leaf.value = (outcome.value, outcome.value_line)
        leaf.zero = leaf.zero or outcome.zero
        scores.vetoes.extend(outcome.vetoes)
        scores.warnings.extend(f"{view.unit.name}：{text}" for text in outcome.warnings)
        scores.problems.extend(outcome.problems)
    if any(item.incident for item in contributions):
        regroup(parts, absorb_duplicates(contributions))
    cross = {rule.node_path for rule in plan.cross}
    for path, leaf in parts.items():
        if path in cross:
            scores.pending[path] = leaf
        elif not leaf.node.is_group:
            scores.results[path] = score_leaf(leaf, ())
    return scores


def apply_rules(
    plan: Plan, view: UnitView, absent: frozenset[str]
) -> list[tuple[Rule, RuleOutcome]]:
    rules = [plan.scheme.rules[rule_id] for rule_id in view.records_by_rule]
    rules += [rule for rule in plan.always if rule.id not in view.records_by_rule]
    order = {rule_id: index for index, rule_id in enumerate(plan.scheme.rules)}
    rules.sort(key=lambda rule: order[rule.id])
    outcomes = []
    for rule in rules:
        node = plan.rule_node[rule.id]
        if absent and is_absent(node.path, absent):
            continue
        records = view.records_by_rule.get(rule.id, ())
        outcomes.append((rule, plan.kinds[rule.kind].apply(rule, node, records, view)))
    return outcomes


def is_absent(path: str, absent: frozenset[str]) -> bool:
    return any(path == item or path.startswith(item + " › ") for item in absent)


def adjust(rule: Rule, contribution: Contribution, view: UnitView) -> Contribution:
    """Apply 合报 sharing and the unit category's multiplier (扣分分值加倍) to one contribution."""
    record = contribution.record
    factor = Decimal(1)
    notes: list[str] = []
    if record is not None and record.share:
        factor /= record.share
        notes.append(f"合报 {show(record.share)} 家均分")
    matched = [c for c in view.unit.categories if c in rule.multipliers]
    if matched:
        category = max(matched, key=lambda name: rule.multipliers[name])
        factor *= rule.multipliers[category]
        notes.append(f"{category}按 {show(rule.multipliers[category])} 倍计")
    if not notes:
        return contribution
    amount = contribution.amount * factor
    word, size = verb(amount)
    line = Line("{}（{}，计{} {} 分）", (contribution.line, "，".join(notes), word, size))
    return Contribution(amount, rule, line, record, contribution.incident)


def regroup(parts: dict[str, LeafParts], contributions: Sequence[Contribution]) -> None:
    by_rule: dict[str, list[Contribution]] = defaultdict(list)
    for contribution in contributions:
        by_rule[contribution.rule.id].append(contribution)
    for leaf in parts.values():
        for rule_id in leaf.by_rule:
            leaf.by_rule[rule_id] = by_rule.get(rule_id, [])


def score_leaf(leaf: LeafParts, extra: Sequence[Contribution]) -> NodeResult:
    """Step 3: capped rule totals, then the item's own bounds by its kind."""
    node = leaf.node
    lines: list[Line] = []
    total = ZERO
    for rule_id, contributions in leaf.by_rule.items():
        total += rule_total(node.rules, rule_id, contributions, lines)
    for contribution in extra:
        lines.append(contribution.line)
        total += contribution.amount
    base = start_of(leaf, lines)
    if leaf.zero is not None:
        lines.append(Line("{}，得 0 分", (leaf.zero,)))
        return NodeResult(node.path, ZERO, tuple(lines))
    score = clamp(base + total, node.floor, node.cap)
    lines.append(summary(node, base, total, score))
    return NodeResult(node.path, score, tuple(lines))


def rule_total(
    rules: Sequence[Rule], rule_id: str, contributions: list[Contribution], lines: list[Line]
) -> Decimal:
    lines.extend(contribution.line for contribution in contributions)
    total = sum((contribution.amount for contribution in contributions), ZERO)
    rule = next(rule for rule in rules if rule.id == rule_id)
    if rule.cap is not None and abs(total) > rule.cap:
        capped = rule.cap if total > 0 else -rule.cap
        word, _ = verb(total)
        lines.append(
            Line("{}：本规则最多{} {} 分，按 {} 分计", (rule.title, word, rule.cap, capped))
        )
        return capped
    return total


def start_of(leaf: LeafParts, lines: list[Line]) -> Decimal:
    node = leaf.node
    if node.kind == "scored":
        return node.points or ZERO
    if leaf.value is not None:
        lines.insert(0, leaf.value[1])
        return leaf.value[0]
    return ZERO


def summary(node: Node, base: Decimal, total: Decimal, score: Decimal) -> Line:
    raw = base + total
    word, size = verb(total)
    change = Line("，合计{} {} 分", (word, size)) if total else Line("")
    if node.kind == "scored":
        head = Line("满分 {} 分{}", (base, change))
    elif node.kind == "value":
        head = Line("取值 {} 分{}", (base, change))
    else:
        head = Line("合计{} {} 分", (word, size))
    if node.floor is not None and raw < node.floor:
        limit = "扣完为止" if node.floor == 0 else f"最多扣至 {show(node.floor)} 分"
        return Line("{}；本项{}，得 {} 分", (head, limit, score))
    if node.cap is not None and raw > node.cap:
        return Line("{}；本项封顶 {} 分，得 {} 分", (head, node.cap, score))
    return Line("{}，得 {} 分", (head, score))
