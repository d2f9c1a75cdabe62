"""Steps 1–3 for one unit: rules turn records into deltas or values, 就高, then leaf scores.

Two paths give the same numbers. The full path runs each rule's ``apply``, which writes a line
per record. The quick path, taken when an explainer is at hand, asks a kind for its quick total
(``RuleKind.quick``; no sharing, no multiplier, no incident — except for additive kinds, whose
records under an incident are totalled one by one for 就高) and leaves the lines to the
explainer, to be written only if someone reads them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kaohe.engine.compute.dedupe import absorb_duplicates
from kaohe.engine.compute.plan import Plan, unreported_lines
from kaohe.engine.compute.results import Explains
from kaohe.engine.compute.tables import Tables
from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule, within
from kaohe.engine.numbers import ZERO, clamp, show
from kaohe.engine.rules.base import Contribution, Line, UnitView, VetoHit, verb
from kaohe.engine.rules.registry import kinds


@dataclass
class LeafParts:
    """What the rules did on one leaf, before its score is taken."""

    node: Node
    by_rule: dict[Rule, list[Contribution]] = field(default_factory=dict)
    quick: Decimal | None = None  # the capped totals of the quick-path rules on this leaf
    value: tuple[Decimal, Line] | None = None
    zero: Line | None = None


@dataclass
class LeafScores:
    tables: Tables  # the scored leaves only; groups and untouched leaves come later
    pending: dict[str, LeafParts]
    vetoes: list[VetoHit]
    warnings: list[str]
    problems: list[str]


def score_leaves(
    plan: Plan, view: UnitView, absent: frozenset[str], explainer: Explains | None
) -> LeafScores:
    """Every leaf's result for the unit; leaves with cross-unit rules stay pending."""
    quick = quick_pass(plan, view, absent) if explainer else QuickPass(list(view.records_by_rule))
    parts: dict[str, LeafParts] = {}
    # The quick path's scores are the table's start; the full path's leaves join them.
    scores = LeafScores(Tables(quick.done, recorded=quick.done), {}, [], [], [])
    slow: list[Contribution] = []
    for rule in rules_to_apply(plan, view, absent, quick.left):
        leaf = parts.get(rule.node_path)
        if leaf is None:
            leaf = parts[rule.node_path] = LeafParts(plan.rule_node[rule.id])
        records = view.records_by_rule.get(rule.id, ())
        found = unexplained(plan, rule, records, view) if explainer else None
        if found is None:
            found = apply_one(plan, rule, leaf, records, view, scores)
        leaf.by_rule[rule] = found
        slow.extend(found)
    if any(item.incident for item in slow):
        regroup(parts, absorb_duplicates(slow))
    for path, leaf in parts.items():
        leaf.quick = quick.by_leaf.pop(path, None)
        if path in plan.cross_paths:
            scores.pending[path] = leaf
        elif not leaf.node.is_group:
            enter(scores.tables, path, score_leaf(leaf, (), explainer))
    for path, total in quick.by_leaf.items():
        quick.done[path] = bounded(plan.scheme.nodes[path], total)
    return scores


def enter(tables: Tables, path: str, scored: tuple[Decimal, tuple[Line, ...] | None]) -> None:
    """Put a leaf's score in the tables, with its lines, or none to have them explained later."""
    tables.scores[path], lines = scored
    if lines is None:
        tables.lines.pop(path, None)
    else:
        tables.lines[path] = lines


@dataclass
class QuickPass:
    """What the quick path settled for one unit."""

    left: list[str]  # ids of the rules with records that the full path must take
    by_leaf: dict[str, Decimal] = field(default_factory=dict)  # totals on leaves with more rules
    done: dict[str, Decimal] = field(default_factory=dict)  # scores of single-rule leaves


def quick_pass(plan: Plan, view: UnitView, absent: frozenset[str]) -> QuickPass:
    """Capped totals of the rules the quick path can take; a leaf with no other rule is scored
    on the spot (step 3 as in ``score_leaf``, without the lines).

    This loop runs for every unit and every rule with records (340,000 times in the benchmark's
    province), so it keeps to locals and tuples.
    """
    found = QuickPass([])
    left, by_leaf, done = found.left, found.by_leaf, found.done
    categories, special = view.unit.categories, view.special
    unusual = bool(categories or special or absent)
    quick = plan.quick
    for rule_id, records in view.records_by_rule.items():
        step = quick.get(rule_id)
        if step is None:
            left.append(rule_id)
            continue
        path, quick_total, low, high, single, start, floor, ceiling, multipliers = step
        if unusual and (
            rule_id in special
            or (multipliers and categories and any(c in multipliers for c in categories))
            or (absent and is_absent(path, absent))
        ):
            left.append(rule_id)
            continue
        total = quick_total(records)
        if total is None:
            left.append(rule_id)
            continue
        if high is not None:
            if total > high:
                total = high
            elif low is not None and total < low:
                total = low
        if single:
            score = total if start is None else start + total
            if floor is not None and score < floor:
                score = floor
            elif ceiling is not None and score > ceiling:
                score = ceiling
            done[path] = score
        else:
            earlier = by_leaf.get(path)
            by_leaf[path] = total if earlier is None else earlier + total
    return found


def bounded(node: Node, total: Decimal) -> Decimal:
    """Step 3 for a leaf settled by the quick path: its start plus the total, within bounds."""
    score = node.points + total if node.kind == "scored" and node.points else total
    return clamp(score, node.floor, node.cap)


def rules_to_apply(
    plan: Plan, view: UnitView, absent: frozenset[str], left: list[str]
) -> list[Rule]:
    """The rules left for the full path, in scheme order (就高 ties go to the first)."""
    rules = [plan.scheme.rules[rule_id] for rule_id in left]
    rules += [rule for rule in plan.always if rule.id not in view.records_by_rule]
    rules.sort(key=lambda rule: plan.rule_order[rule.id])
    if absent:
        rules = [rule for rule in rules if not is_absent(rule.node_path, absent)]
    return rules


UNEXPLAINED = Line("（说明在查看时写出）", ())


def unexplained(
    plan: Plan, rule: Rule, records: Sequence[Record], view: UnitView
) -> list[Contribution] | None:
    """Each record's amount without its line, for a rule whose total is the sum of its records'
    amounts (``RuleKind.additive``) when a record is under an incident (就高 needs the amounts
    one by one). None when the full path must run: no such kind, shared credit, a multiplier
    for the unit's category, or a record the quick total refuses. The lines come from the
    explainer when read, as for every leaf the quick path scored."""
    step = plan.quick.get(rule.id)
    if step is None or not plan.kinds[rule.kind].additive:
        return None
    if any(category in rule.multipliers for category in view.unit.categories):
        return None
    found = []
    for record in records:
        amount = step.total((record,))
        if amount is None or record.share:
            return None
        found.append(Contribution(amount, rule, UNEXPLAINED, record, record.incident))
    return found


def apply_one(
    plan: Plan,
    rule: Rule,
    leaf: LeafParts,
    records: Sequence[object],
    view: UnitView,
    scores: LeafScores,
) -> list[Contribution]:
    outcome = plan.kinds[rule.kind].apply(rule, leaf.node, records, view)  # type: ignore[arg-type]
    adjusted = [adjust(rule, item, view) for item in outcome.contributions]
    if outcome.value is not None and outcome.value_line is not None:
        leaf.value = (outcome.value, outcome.value_line)
    leaf.zero = leaf.zero or outcome.zero
    scores.vetoes.extend(outcome.vetoes)
    scores.warnings.extend(f"{view.unit.name}：{text}" for text in outcome.warnings)
    scores.problems.extend(outcome.problems)
    return adjusted


def is_absent(path: str, absent: frozenset[str]) -> bool:
    return any(within(path, item) for item in absent)


def adjust(rule: Rule, contribution: Contribution, view: UnitView) -> Contribution:
    """Apply the unit category's multiplier (扣分分值加倍) and 合报 sharing to one contribution."""
    record = contribution.record
    share = record.share if record is not None else None
    amount = contribution.amount
    notes: list[str] = []
    if share:
        notes.append(f"合报 {show(share)} 家均分")
    matched = [c for c in view.unit.categories if c in rule.multipliers]
    if matched:
        category = max(matched, key=lambda name: rule.multipliers[name])
        amount *= rule.multipliers[category]
        notes.append(f"{category}按 {show(rule.multipliers[category])} 倍计")
    if not notes:
        return contribution
    if share:
        amount /= share  # divided last: 1.5 shared three ways is 0.5 exactly, not 0.4999…
    word, size = verb(amount)
    line = Line("{}（{}，计{} {} 分）", (contribution.line, "，".join(notes), word, size))
    return Contribution(amount, rule, line, record, contribution.incident)


def regroup(parts: dict[str, LeafParts], contributions: Sequence[Contribution]) -> None:
    by_rule: dict[Rule, list[Contribution]] = defaultdict(list)
    for contribution in contributions:
        by_rule[contribution.rule].append(contribution)
    for leaf in parts.values():
        for rule in leaf.by_rule:
            leaf.by_rule[rule] = by_rule.get(rule, [])


def score_leaf(
    leaf: LeafParts, extra: Sequence[Contribution], explainer: Explains | None = None
) -> tuple[Decimal, tuple[Line, ...] | None]:
    """Step 3: capped rule totals, then the item's own bounds by its kind."""
    node = leaf.node
    lazy = explainer is not None  # the explainer writes the same lines when they are read
    lines: list[Line] | None = None if lazy else []
    total = ZERO
    for rule, contributions in leaf.by_rule.items():
        if lines is not None:
            lines.extend(contribution.line for contribution in contributions)
        total += capped(rule, sum((c.amount for c in contributions), ZERO), lines)
    total += leaf.quick or ZERO
    for contribution in extra:
        total += contribution.amount
        if lines is not None:
            lines.append(contribution.line)
    if lines is not None:
        silent = [rule for rule in node.rules if rule not in leaf.by_rule]
        lines.extend(unreported_lines(silent, kinds()))
    base = start_of(leaf, lines)
    if leaf.zero is not None:
        if lines is not None:
            lines.append(Line("{}，得 0 分", (leaf.zero,)))
        score = ZERO
    else:
        score = clamp(base + total, node.floor, node.cap)
        if lines is not None:
            lines.append(summary(node, base, total, score, leaf.value is not None))
    return score, None if lines is None else tuple(lines)


def capped(rule: Rule, total: Decimal, lines: list[Line] | None) -> Decimal:
    """A rule's total within its own cap (最多扣2分)."""
    cap = rule.cap
    if cap is None or abs(total) <= cap:
        return total
    limited = cap if total > 0 else -cap
    if lines is not None:
        word, _ = verb(total)
        lines.append(Line("{}：本规则最多{} {} 分，按 {} 分计", (rule.title, word, cap, limited)))
    return limited


def start_of(leaf: LeafParts, lines: list[Line] | None) -> Decimal:
    node = leaf.node
    if node.kind == "scored":
        return node.points or ZERO
    if leaf.value is not None:
        if lines is not None:
            lines.insert(0, leaf.value[1])
        return leaf.value[0]
    return ZERO


def summary(node: Node, base: Decimal, total: Decimal, score: Decimal, valued: bool) -> Line:
    raw = base + total
    word, size = verb(total)
    change = Line("，合计{} {} 分", (word, size)) if total else Line("")
    if node.kind == "scored":
        head = Line("满分 {} 分{}", (base, change))
    elif valued:
        head = Line("取值 {} 分{}", (base, change))
    elif total:
        head = Line("合计{} {} 分", (word, size))
    else:
        head = Line("无{}", ("加分" if node.kind == "bonus" else "扣分",))
    if node.floor is not None and raw < node.floor:
        limit = "扣完为止" if node.floor == 0 else f"最多扣至 {show(node.floor)} 分"
        return Line("{}；本项{}，得 {} 分", (head, limit, score))
    if node.cap is not None and raw > node.cap:
        return Line("{}；本项封顶 {} 分，得 {} 分", (head, node.cap, score))
    return Line("{}，得 {} 分", (head, score))
