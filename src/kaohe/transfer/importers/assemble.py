"""Drafts → a canonical scheme dict (docs/scheme-format.md), with the report filled in."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kaohe.engine import PATH_SEPARATOR
from kaohe.textrules import Reading, ReadRule, read_criteria
from kaohe.transfer.importers.amounts import amount_kind, amount_rule, bare_amount
from kaohe.transfer.importers.drafts import Draft
from kaohe.transfer.importers.report import ImportReport, PointsCheck
from kaohe.transfer.importers.scoring_text import keep_scoring_text

FORMAT = "kaohe-scheme/1"
_BONUS_NAME = re.compile(r"加分|正向激励|奖励")
_PENALTY_NAME = re.compile(r"察访核验|扣分项|倒扣")
_CAP_IN_CRITERIA = re.compile(
    r"(?:最高|最多|累计不超过|不超过|封顶)\s*(?:加\s*)?(\d+(?:\.\d+)?)\s*分"
)
# Sentences in real criteria run to a few dozen characters; reading time grows with the square of
# a sentence's length, so a run this long without punctuation is left for a person.
MAX_CLAUSE = 200
_CLAUSE_END = re.compile(r"[。；;！!？?\n，,]")
VALUE_RULES = ("conversion", "proportional", "evaluation", "manual")
_ADDS_TO_PARENT = ("scored", "value", None)
_READ_FACTS = ("kind", "floor", "cap", "not_applicable")


def assemble(root: Draft, *, scheme_id: str, name: str, report: ImportReport) -> dict[str, Any]:
    """The scheme dict for the tree under ``root``; problems go to the report, never raise."""
    keep_scoring_text(root)
    _unique_names(root, report)
    _single_children_take_points(root, report)
    builder = _Builder(report)
    sections = [builder.node(draft, (index,), ()) for index, draft in enumerate(root.children, 1)]
    return {"format": FORMAT, "id": scheme_id, "name": name, "sections": sections}


class _Builder:
    def __init__(self, report: ImportReport) -> None:
        self.report = report

    def node(self, draft: Draft, code: tuple[int, ...], path: tuple[str, ...]) -> dict[str, Any]:
        path = (*path, draft.name)
        if draft.children:
            _hand_down(draft)
            _apply_child_defaults(draft)
        elif draft.amount is not None:
            _amount_item(draft)
        elif draft.points is None:
            _points_in_criteria(draft)
        level = len(code) - 1
        children = [
            self.node(child, (*code, index), path) for index, child in enumerate(draft.children, 1)
        ]
        node: dict[str, Any] = {"name": draft.name, "code": ".".join(map(str, code))}
        node.update(self._points(draft, children, path))
        self._describe(node, draft)
        if children:
            node["children"] = children
        else:
            node["rules"] = self._rules(draft, node, path)
        self.report.indicators_by_level[level] += 1
        if node.get("kind") in _ADDS_TO_PARENT:
            total = self.report.points_by_level.get(level, Decimal(0))
            self.report.points_by_level[level] = total + node["points"]
        return node

    def _points(
        self, draft: Draft, children: list[dict[str, Any]], path: tuple[str, ...]
    ) -> dict[str, Any]:
        facts = {key: value for key, value in draft.facts.items() if key in _READ_FACTS}
        if not children:
            facts.setdefault("kind", _leaf_kind(draft))
        elif facts.pop("kind", None) is not None:
            self.report.notes.append(f"{path_text(path)}：有下级指标，按分组导入（分组不设 kind）")
        if facts.get("kind") == "bonus":
            facts.setdefault("cap", _cap_in_criteria(draft))
            fallback = facts["cap"] if facts["cap"] is not None else Decimal(0)
            return {"points": draft.points if draft.points is not None else fallback, **facts}
        points = draft.points
        if points is None and facts.get("kind") == "penalty":
            points = _cap_in_criteria(draft)
        counted = sum(
            (child["points"] for child in children if child.get("kind") in _ADDS_TO_PARENT),
            Decimal(0),
        )
        if children and points is None:
            points = counted
            self.report.notes.append(f"{path_text(path)}：未写分值，按下级合计 {counted} 分")
        elif children and any(child.get("kind") in _ADDS_TO_PARENT for child in children):
            assert points is not None
            self.report.points_checks.append(PointsCheck(path_text(path), points, counted))
        if points is None:
            points = Decimal(0)
            self.report.notes.append(f"{path_text(path)}：未写分值，按 0 分导入")
        return {"points": points, **facts}

    def _describe(self, node: dict[str, Any], draft: Draft) -> None:
        if draft.criteria:
            node["criteria"] = "\n".join(draft.criteria)
        if draft.assessors:
            node["assessor"] = "、".join(draft.assessors)
        owners = {
            key: names
            for key, names in (
                ("leaders", draft.leaders),
                ("units", draft.units),
                ("persons", draft.persons),
            )
            if names
        }
        if owners:
            node["owners"] = owners

    def _rules(
        self, draft: Draft, node: dict[str, Any], path: tuple[str, ...]
    ) -> list[dict[str, Any]]:
        text = node.get("criteria", "")
        if not text:
            return []
        if draft.amount is not None and bare_amount(text) == draft.amount:
            rule = amount_rule(draft.name, draft.amount, text)
            if rule.get("flagged"):
                bound_discretion(rule, node)
                self.report.rules_flagged.append(f"{path_text(path)}：{preview(text)}")
            self.report.rules_parsed += 1
            return [{"id": f"{node['code']}-1", **rule}]
        reading = _read(text, node["points"], self.report, path)
        for key, value in reading.node.items():
            if key in _READ_FACTS and key not in draft.facts:
                node[key] = value
        if reading.node.get("assessor") and "assessor" not in node:
            node["assessor"] = reading.node["assessor"]
        rules = []
        for number, read in enumerate(reading.rules, 1):
            rule = {"id": f"{node['code']}-{number}", **read.rule}
            rule.setdefault("text", read.source)
            if rule["kind"] == "discretionary":
                bound_discretion(rule, node)
            unbounded = rule["kind"] == "discretionary" and not rule["max"] and not read.flagged
            if unbounded:  # 酌情扣分 on an item without points could never deduct: ask a person
                rule["flagged"] = True
            rules.append(rule)
            self.report.rules_parsed += 1
            if read.flagged or unbounded:
                self.report.rules_flagged.append(f"{path_text(path)}：{preview(read.source)}")
        sets_value = any(rule["kind"] in VALUE_RULES for rule in rules)
        if sets_value and node.get("kind") == "scored" and "kind" not in draft.facts:
            node["kind"] = "value"
        return rules


def bound_discretion(rule: dict[str, Any], node: dict[str, Any]) -> None:
    """A rule a person must settle lets the assessor pick up to the item's points, in the
    item's direction, until the office writes the real bounds."""
    rule.setdefault("min", Decimal(0))
    rule.setdefault("max", node["points"])
    rule.setdefault("direction", "add" if node.get("kind") == "bonus" else "deduct")


def _read(text: str, points: Decimal, report: ImportReport, path: tuple[str, ...]) -> Reading:
    """The text-rule reader's reading; should it fail, the whole text becomes one flagged rule,
    so a reader bug costs a person's review, never the import."""
    longest = max(len(clause) for clause in _CLAUSE_END.split(text))
    if longest > MAX_CLAUSE:
        report.notes.append(
            f"{path_text(path)}：评分标准有 {longest} 字的长句，未自动解析，已整段待人工确认"
        )
        return _unread(text)
    try:
        return read_criteria(text, points=points, name=path[-1], nested=len(path) > 1)
    except Exception as error:
        report.notes.append(
            f"{path_text(path)}：评分标准未能自动解析（{type(error).__name__}），已整段待人工确认"
        )
        return _unread(text)


def _unread(text: str) -> Reading:
    rule = {"kind": "discretionary", "text": text, "flagged": True}
    return Reading(text=text, rules=(ReadRule(rule, (0, len(text)), text, Decimal(0), True),))


def _hand_down(group: Draft) -> None:
    """「（由组织部考核）」 or owners written on a group apply to every indicator under it that
    names none of its own; records are kept per leaf, so that is where they are needed."""
    for field in ("assessors", "leaders", "units", "persons"):
        names: list[str] = getattr(group, field)
        for child in group.children:
            if names and not getattr(child, field):
                setattr(child, field, list(names))
        setattr(group, field, [])


def _apply_child_defaults(group: Draft) -> None:
    """「自身建设（每小项倒扣分2分）」: each item under it is a penalty item worth 2 unless it
    says otherwise."""
    defaults = group.child_defaults
    for leaf in _leaves(group):
        if "kind" in defaults:
            leaf.facts.setdefault("kind", defaults["kind"])
        if leaf.points is None and defaults.get("points") is not None:
            leaf.points = defaults["points"]


def _leaves(draft: Draft) -> list[Draft]:
    if not draft.children:
        return [draft]
    return [leaf for child in draft.children for leaf in _leaves(child)]


_ONLY_POINTS = re.compile(r"^\s*(?:占|计|满分)\s*(\d+(?:\.\d+)?)\s*分\s*[。;；]?\s*$")


def _points_in_criteria(draft: Draft) -> None:
    """「区政府领导对实施情况的评价」 | 「占20分」: a criteria line that only gives the points."""
    for line in draft.criteria:
        match = _ONLY_POINTS.match(line)
        if match:
            draft.points = Decimal(match.group(1))
            return


def _amount_item(draft: Draft) -> None:
    """A row whose standard column holds only its amount is a deduction (or bonus) item that
    can take (or give) that amount."""
    kind = amount_kind(draft.name)
    if kind is None or draft.points is not None or "kind" in draft.facts:
        return
    draft.facts["kind"] = kind
    draft.points = draft.amount
    if kind == "bonus":
        draft.facts["cap"] = draft.amount


def _leaf_kind(draft: Draft) -> str:
    if draft.points is None and _BONUS_NAME.search(draft.name):
        return "bonus"
    if draft.points is None and _PENALTY_NAME.search(draft.name):
        return "penalty"
    return "scored"


def _cap_in_criteria(draft: Draft) -> Decimal | None:
    match = _CAP_IN_CRITERIA.search("\n".join(draft.criteria))
    return Decimal(match.group(1)) if match else None


def _single_children_take_points(draft: Draft, report: ImportReport) -> None:
    """「人事管理（5）」 over one unpointed item: the item is worth the group's points."""
    for child in draft.children:
        _single_children_take_points(child, report)
    if len(draft.children) == 1 and draft.points is not None:
        only = draft.children[0]
        if only.points is None and not only.facts:
            only.points = draft.points
            report.notes.append(
                f"「{only.name}」未写分值，取上级「{draft.name}」的 {draft.points} 分"
            )


def _unique_names(draft: Draft, report: ImportReport) -> None:
    seen: dict[str, int] = {}
    for child in draft.children:
        if not child.name:
            child.name = "未命名指标"
        count = seen.get(child.name, 0) + 1
        seen[child.name] = count
        if count > 1:
            report.notes.append(
                f"同级指标「{child.name}」重名，第 {count} 个改名为「{child.name}（{count}）」"
            )
            child.name = f"{child.name}（{count}）"
        _unique_names(child, report)


def path_text(path: tuple[str, ...]) -> str:
    return PATH_SEPARATOR.join(path)


def preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 50 else flat[:50] + "…"
