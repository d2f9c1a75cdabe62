"""scheme_to_dict: a Scheme back to the plain data of the canonical scheme file."""

from __future__ import annotations

from typing import Any

from kaohe.engine.loading.nodes import default_bounds
from kaohe.engine.loading.scheme import FORMAT
from kaohe.engine.model.scheme import Node, Rule, Scheme


def scheme_to_dict(scheme: Scheme) -> dict[str, Any]:
    """Plain data (numbers as Decimal) that ``load_scheme`` turns back into an equal scheme."""
    data: dict[str, Any] = {"format": FORMAT, "id": scheme.id, "name": scheme.name}
    optional = {
        "body": scheme.body,
        "period": scheme.period,
        "decimals": scheme.decimals,
        "categories": list(scheme.categories),
        "formula": scheme.formula_text,
        "grades": [
            {"name": g.name, **({"min": g.min} if g.min is not None else {})} for g in scheme.grades
        ],
        "tie_breakers": list(scheme.tie_breakers) if scheme.tie_breakers != ("total",) else [],
    }
    data |= {key: value for key, value in optional.items() if value not in ("", [], None)}
    if scheme.excellence_quota is not None:
        quota = scheme.excellence_quota
        data["excellence_quota"] = {
            "grade": quota.grade,
            "ratio": quota.ratio,
            "demote_to": quota.demote_to,
            **({"rounding": quota.rounding} if quota.rounding != "floor" else {}),
        }
    data["sections"] = [node_to_dict(section) for section in scheme.sections]
    return data


def node_to_dict(node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {"name": node.name, "code": node.code}
    if node.points is not None:
        data["points"] = node.points
    if not node.is_group and node.kind != "scored":
        data["kind"] = node.kind
    floor, cap = default_bounds(node.kind, node.points)
    if node.floor != floor:
        data["floor"] = node.floor
    if node.cap != cap:
        data["cap"] = node.cap
    owners = {k: list(v) for k, v in vars(node.owners).items() if v}
    optional: dict[str, Any] = {
        "criteria": node.criteria,
        "assessor": node.assessor,
        "owners": owners,
        "applies_to": list(node.applies_to),
        "system": node.system,
    }
    data |= {key: value for key, value in optional.items() if value}
    if node.not_applicable.mode == "move_to":
        data["not_applicable"] = {"move_to": node.not_applicable.target}
    elif node.not_applicable.mode != "average":
        data["not_applicable"] = node.not_applicable.mode
    if node.decimals is not None:
        data["decimals"] = node.decimals
    if node.rules:
        data["rules"] = [rule_to_dict(rule) for rule in node.rules]
    if node.children:
        data["children"] = [node_to_dict(child) for child in node.children]
    return data


def rule_to_dict(rule: Rule) -> dict[str, Any]:
    data: dict[str, Any] = {"id": rule.id, "kind": rule.kind}
    if rule.label:
        data["label"] = rule.label
    data |= dict(rule.settings)
    if rule.cap is not None:
        data["cap"] = rule.cap
    if rule.multipliers:
        data["multipliers"] = dict(rule.multipliers)
    if rule.text:
        data["text"] = rule.text
    if rule.flagged:
        data["flagged"] = True
    return data
