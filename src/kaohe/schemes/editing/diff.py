"""What changed between two scheme documents, in Chinese, side by side: the scheme's settings,
indicators added, removed, renamed and moved, their points and settings, and their rules read as
plain sentences (``engine.rule_sentence``).

Pure: it reads two documents' plain data (as parsed from YAML, so a draft that does not load yet
compares too) and needs neither Django nor a database. Two revisions of a draft and two published
versions (this year's scheme against last year's) compare alike.

An indicator is followed across the two by its place under the same parent and its name; failing
that by its rules' ids (the editor keeps a rule's id through renames and moves) or its children's
names, first under the same parent, then anywhere in the tree (a move to another group).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from kaohe.engine import PATH_SEPARATOR, rule_sentence
from kaohe.engine.numbers import show
from kaohe.schemes.editing.tree import Position, nodes_with_positions, position_text
from kaohe.schemes.editing.words import FIELD_LABELS
from kaohe.schemes.presentation import NODE_KIND_LABELS, PERIOD_LABELS

SETTINGS = ("name", "body", "period", "decimals", "categories", "formula", "grades")
SETTINGS_MORE = ("excellence_quota", "tie_breakers")
NODE_FIELDS = ("points", "kind", "floor", "cap", "criteria", "assessor", "owners")
NODE_MORE = ("applies_to", "not_applicable")
OWNER_LABELS = {"leaders": "分管领导", "units": "责任科室", "persons": "责任人"}


@dataclass(frozen=True)
class Change:
    """One difference: what kind (新增指标, 修改规则 …), where, and the two sides."""

    what: str
    where: str
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Entry:
    position: Position
    path: str
    node: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.node.get("name", ""))

    @property
    def rule_ids(self) -> frozenset[str]:
        return frozenset(str(rule.get("id")) for rule in rules_of(self.node))

    @property
    def child_names(self) -> frozenset[str]:
        return frozenset(str(child.get("name")) for child in children_of(self.node))


def rules_of(node: dict[str, Any]) -> list[dict[str, Any]]:
    return [rule for rule in node.get("rules") or [] if isinstance(rule, dict)]


def children_of(node: dict[str, Any]) -> list[dict[str, Any]]:
    return [child for child in node.get("children") or [] if isinstance(child, dict)]


def entries(data: Any) -> dict[Position, Entry]:
    sections = data.get("sections") if isinstance(data, dict) else None
    return {
        position: Entry(position, path, node)
        for position, path, node in nodes_with_positions(sections or [])
    }


def scheme_changes(old: Any, new: Any) -> list[Change]:
    """Every difference from ``old`` to ``new``: settings first, then the tree in ``new``'s
    order, then what ``new`` no longer has."""
    before, after = entries(old), entries(new)
    pairs = matched_nodes(before, after)
    moved_within = reordered(pairs)
    changes = list(setting_changes(old, new))
    for position, entry in after.items():
        if position not in pairs.values():
            changes.append(Change("新增指标", entry.path, "", node_summary(entry.node)))
            changes.extend(added_rules(entry))
    by_new = {new_place: old_place for old_place, new_place in pairs.items()}
    for position, entry in after.items():
        if position in by_new:
            changes.extend(node_changes(before[by_new[position]], entry, pairs, moved_within))
    for position, entry in before.items():
        if position not in pairs:
            changes.append(Change("删除指标", entry.path, node_summary(entry.node), ""))
    return sorted_in_tree_order(changes, after)


def sorted_in_tree_order(changes: list[Change], after: dict[Position, Entry]) -> list[Change]:
    """Settings first, then by where the change is in the new tree; removals last."""
    order = {entry.path: number for number, entry in enumerate(after.values())}

    def key(change: Change) -> tuple[int, int]:
        if change.what.startswith("方案"):
            return (0, 0)
        node_path = change.where.split(f"{PATH_SEPARATOR}规则「")[0]
        return (1, order[node_path]) if node_path in order else (2, 0)

    return sorted(changes, key=key)


def matched_nodes(
    before: dict[Position, Entry], after: dict[Position, Entry]
) -> dict[Position, Position]:
    """Old position → new position of every indicator found in both."""
    pairs: dict[Position, Position] = {}
    waiting: list[tuple[Position, Position]] = [((), ())]
    while waiting:
        while waiting:
            old_parent, new_parent = waiting.pop(0)
            olds = [e for p, e in before.items() if p[:-1] == old_parent and p not in pairs]
            news = [e for p, e in after.items() if p[:-1] == new_parent]
            waiting.extend(pair_up(olds, news, pairs, same_parent=True))
        olds = [entry for position, entry in before.items() if position not in pairs]
        news = list(after.values())
        waiting.extend(pair_up(olds, news, pairs, same_parent=False))
    return pairs


def pair_up(
    olds: list[Entry], news: list[Entry], pairs: dict[Position, Position], same_parent: bool
) -> Iterator[tuple[Position, Position]]:
    """Pairs old and new entries not paired yet: by name, then by shared rules or children
    (then, under the same parent, by the same place); yields each new pair."""
    tests = [same_name, related] + ([same_place] if same_parent else [])
    for test in tests:
        for new in news:
            if new.position in pairs.values():
                continue
            found = [old for old in olds if old.position not in pairs and test(old, new)]
            if len(found) == 1:
                pairs[found[0].position] = new.position
                yield found[0].position, new.position


def same_name(old: Entry, new: Entry) -> bool:
    return old.name == new.name


def related(old: Entry, new: Entry) -> bool:
    return bool(old.rule_ids & new.rule_ids or old.child_names & new.child_names)


def same_place(old: Entry, new: Entry) -> bool:
    return old.position[-1] == new.position[-1] and related(old, new)


def reordered(pairs: dict[Position, Position]) -> set[Position]:
    """New positions of indicators that changed places among siblings that stayed together:
    those outside the longest run kept in order (one item moved up is one change, not two)."""
    groups: dict[tuple[Position, Position], list[tuple[int, Position]]] = {}
    for old, new in pairs.items():
        if old and pairs.get(old[:-1], ()) == new[:-1]:
            groups.setdefault((old[:-1], new[:-1]), []).append((old[-1], new))
    moved: set[Position] = set()
    for members in groups.values():
        in_old_order = [new for _, new in sorted(members)]
        kept = longest_rising(in_old_order)
        moved.update(new for new in in_old_order if new not in kept)
    return moved


def longest_rising(positions: list[Position]) -> set[Position]:
    """The longest subsequence of ``positions`` already in order (they share a parent)."""
    best: list[list[Position]] = []
    for position in positions:
        longest = max((run for run in best if run[-1] < position), key=len, default=[])
        best.append([*longest, position])
    return set(max(best, key=len, default=[]))


def node_changes(
    old: Entry, new: Entry, pairs: dict[Position, Position], moved_within: set[Position]
) -> Iterator[Change]:
    if old.name != new.name:
        yield Change("指标改名", new.path, old.name, new.name)
    if pairs.get(old.position[:-1], ()) != new.position[:-1]:
        yield Change("移动指标", new.path, place_words(old), place_words(new))
    elif new.position in moved_within:
        yield Change("调整次序", new.path, place_words(old), place_words(new))
    for key in (*NODE_FIELDS, *NODE_MORE):
        was, now = old.node.get(key), new.node.get(key)
        if comparable(was) != comparable(now):
            label = FIELD_LABELS.get(key, key)
            yield Change(f"修改{label}", new.path, value_text(key, was), value_text(key, now))
    yield from rule_changes(old, new)


def place_words(entry: Entry) -> str:
    parent = entry.path.rpartition(PATH_SEPARATOR)[0]
    under = f"在「{parent}」下" if parent else "一级指标"
    return f"第 {position_text(entry.position)} 项（{under}）"


def rule_changes(old: Entry, new: Entry) -> Iterator[Change]:
    was = {str(rule.get("id")): rule for rule in rules_of(old.node)}
    for rule in rules_of(new.node):
        earlier = was.pop(str(rule.get("id")), None)
        where = rule_where(new.path, rule)
        if earlier is None:
            yield Change("新增规则", where, "", rule_text(rule))
        elif comparable(earlier) != comparable(rule):
            yield Change("修改规则", where, rule_text(earlier, rule), rule_text(rule, earlier))
    for rule in was.values():
        yield Change("删除规则", rule_where(new.path, rule), rule_text(rule), "")


def added_rules(entry: Entry) -> Iterator[Change]:
    for rule in rules_of(entry.node):
        yield Change("新增规则", rule_where(entry.path, rule), "", rule_text(rule))


def rule_where(path: str, rule: dict[str, Any]) -> str:
    return f"{path}{PATH_SEPARATOR}规则「{rule.get('label') or rule.get('id')}」"


def rule_text(rule: dict[str, Any], other: dict[str, Any] | None = None) -> str:
    """A rule in words: its name, its plain sentence, whether it is still flagged; and, beside
    a rule it differs from only in other ways, the keys that differ."""
    name = rule.get("label") or rule.get("id")
    text = f"「{name}」{rule_sentence(rule)}"
    if rule.get("flagged"):
        text += "（待人工确认）"
    if other is not None and text == rule_text(other):
        keys = [
            key
            for key in {**rule, **other}
            if comparable(rule.get(key)) != comparable(other.get(key))
        ]
        text += "；" + "；".join(
            f"{FIELD_LABELS.get(key, key)}：{value_text(key, rule.get(key))}" for key in keys
        )
    return text


def setting_changes(old: Any, new: Any) -> Iterator[Change]:
    old, new = (data if isinstance(data, dict) else {} for data in (old, new))
    for key in (*SETTINGS, *SETTINGS_MORE):
        if comparable(old.get(key)) != comparable(new.get(key)):
            label = FIELD_LABELS.get(key, key)
            yield Change(
                f"方案{label}",
                "方案设置",
                value_text(key, old.get(key)),
                value_text(key, new.get(key)),
            )


def node_summary(node: dict[str, Any]) -> str:
    kind = "group" if node.get("children") else str(node.get("kind", "scored"))
    parts = [f"{node.get('name', '')}", f"{value_text('points', node.get('points'))} 分"]
    parts.append(NODE_KIND_LABELS.get(kind, kind))
    if children_of(node):
        parts.append(f"{len(children_of(node))} 个子指标")
    if rules_of(node):
        parts.append(f"{len(rules_of(node))} 条规则")
    return "，".join(parts)


def comparable(value: Any) -> Any:
    """A value as compared: numbers by value (90 = 90.0), containers item by item."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float | Decimal):
        return number(value)
    if isinstance(value, dict):
        return {str(key): comparable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [comparable(item) for item in value]
    return value


def number(value: Any) -> Decimal | Any:
    try:
        return Decimal(str(value)).normalize()
    except InvalidOperation:
        return value


def value_text(key: str, value: Any) -> str:
    """A setting's value as a person reads it."""
    if value is None or value in ("", [], {}):
        return "（无）"
    if key == "kind":
        return NODE_KIND_LABELS.get(str(value), str(value))
    if key == "period":
        return PERIOD_LABELS.get(str(value), str(value))
    if key == "grades" and isinstance(value, list):
        return "、".join(grade_text(band) for band in value if isinstance(band, dict))
    if key == "owners" and isinstance(value, dict):
        return "；".join(
            f"{OWNER_LABELS.get(k, k)}：{'、'.join(map(str, v or []))}" for k, v in value.items()
        )
    return plain_text(value)


def grade_text(band: dict[str, Any]) -> str:
    least = band.get("min")
    return f"{band.get('name')}" + (f"（≥{plain_text(least)}）" if least is not None else "")


def plain_text(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float | Decimal):
        return show(Decimal(str(value)))
    if isinstance(value, dict):
        return "；".join(
            f"{FIELD_LABELS.get(str(k), k)}：{plain_text(v)}" for k, v in value.items()
        )
    if isinstance(value, list | tuple):
        return "、".join(plain_text(item) for item in value)
    return str(value)
