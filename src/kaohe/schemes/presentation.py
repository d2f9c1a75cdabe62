"""Turns an engine Scheme into rows a page can show: the tree flattened with depth."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kaohe.engine import Node, Rule, Scheme, rule_kinds, rule_sentence

NODE_KIND_LABELS = {
    "scored": "计分项",
    "penalty": "倒扣分项",
    "bonus": "加分项",
    "value": "赋值项",
    "group": "分组",
}


SETTING_LABELS = {
    "amount": "分值",
    "unit": "计量单位",
    "levels": "按级别",
    "target": "目标值",
    "step": "每档",
    "partial": "不足一档",
    "cap": "上限",
    "minimum": "最少",
    "per": "每",
    "tasks": "任务",
    "consequence": "后果",
    "threshold": "阈值",
    "grade": "等次",
    "min": "最少",
    "max": "最多",
    "direction": "方向",
    "scale": "满分",
    "groups": "评议组权重",
    "rounds": "轮次权重",
    "metric": "排名依据",
    "order": "排序",
    "from": "方向",
    "sequence": "依次",
    "map": "对应分值",
    "baseline": "基准",
    "below": "每低一档",
    "above": "每高一档",
    "highest_only": "仅最高级别",
    "after": "追加于",
    "multipliers": "类别倍数",
}
PERIOD_LABELS = {"year": "年度", "half": "半年", "quarter": "季度", "month": "月度"}


@dataclass(frozen=True)
class RuleRow:
    id: str
    label: str
    kind_label: str
    settings: str
    text: str
    flagged: bool


@dataclass(frozen=True)
class NodeRow:
    depth: int
    code: str
    name: str
    points: Decimal | None
    kind_label: str
    criteria: str
    assessor: str
    owners: str
    rules: tuple[RuleRow, ...]


def rule_row(rule: Rule, labels: Mapping[str, str]) -> RuleRow:
    """The rule as pages show it: its name, kind, and what it does in one plain sentence."""
    common = {"cap": rule.cap, "multipliers": dict(rule.multipliers)}
    settings = rule_sentence({"kind": rule.kind, **rule.settings, **common})
    kind_label = labels.get(rule.kind, rule.kind)
    return RuleRow(rule.id, rule.title, kind_label, settings, rule.text, rule.flagged)


def node_rows(scheme: Scheme) -> Iterator[NodeRow]:
    labels = rule_kinds()

    def visit(node: Node, depth: int) -> Iterator[NodeRow]:
        owners = "；".join(
            part
            for part in (
                "、".join(node.owners.leaders),
                "、".join(node.owners.units),
                "、".join(node.owners.persons),
            )
            if part
        )
        yield NodeRow(
            depth=depth,
            code=node.code,
            name=node.name,
            points=node.points,
            kind_label=NODE_KIND_LABELS.get(node.kind, node.kind),
            criteria=node.criteria,
            assessor=node.assessor,
            owners=owners,
            rules=tuple(rule_row(rule, labels) for rule in node.rules),
        )
        for child in node.children:
            yield from visit(child, depth + 1)

    for section in scheme.sections:
        yield from visit(section, 0)


def draft_rows(data: Any) -> Iterator[NodeRow]:
    """Rows straight from a scheme's plain data, so that a draft that does not validate yet
    (an import under review) still shows every indicator and rule."""
    labels = rule_kinds()
    sections = data.get("sections", []) if isinstance(data, Mapping) else []

    def visit(node: Any, depth: int, code: str) -> Iterator[NodeRow]:
        if not isinstance(node, Mapping):
            return
        owners = node.get("owners") or {}
        people = [owners.get(key) or [] for key in ("leaders", "units", "persons")]
        yield NodeRow(
            depth=depth,
            code=str(node.get("code") or code),
            name=str(node.get("name", "")),
            points=node.get("points"),
            kind_label=NODE_KIND_LABELS.get(
                "group" if node.get("children") else str(node.get("kind", "scored")), ""
            ),
            criteria=str(node.get("criteria", "")),
            assessor=str(node.get("assessor", "")),
            owners="；".join("、".join(map(str, group)) for group in people if group),
            rules=tuple(
                draft_rule_row(rule, labels)
                for rule in node.get("rules") or []
                if isinstance(rule, Mapping)
            ),
        )
        for index, child in enumerate(node.get("children") or [], start=1):
            yield from visit(child, depth + 1, f"{code}.{index}")

    for index, section in enumerate(sections, start=1):
        yield from visit(section, 0, str(index))


def draft_rule_row(rule: Mapping[str, Any], labels: Mapping[str, str]) -> RuleRow:
    settings = rule_sentence(rule)
    kind = str(rule.get("kind", ""))
    return RuleRow(
        str(rule.get("id", "")),
        str(rule.get("label", "")),
        labels.get(kind, kind),
        settings,
        str(rule.get("text", "")),
        bool(rule.get("flagged")),
    )
