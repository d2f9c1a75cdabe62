"""Turns result JSON (live or snapshot) into rows the pages and the exports show."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kaohe import engine


@dataclass
class BreakdownRow:
    """One node of a unit's result tree, with its explanation and the records behind it."""

    path: str
    code: str
    name: str
    depth: int
    points: str | None
    score: str
    applies: bool
    explanation: list[str]
    records: list[dict[str, Any]] = field(default_factory=list)


def depth_of(path: str) -> int:
    return path.count(engine.PATH_SEPARATOR)


def record_text(record: dict[str, Any], scheme: engine.Scheme) -> str:
    """A record in words: #12 迟到早退 × 2（级别 市级）— its note."""
    rule = scheme.rules.get(record["rule"])
    parts = [f"记录 #{record['id']}", rule.title if rule else record["rule"]]
    if record.get("count") is not None:
        parts.append(f"× {trimmed(record['count'])}")
    if record.get("value") is not None:
        parts.append(f"数值 {trimmed(record['value'])}")
    if record.get("level"):
        parts.append(f"级别 {record['level']}")
    if record.get("incident"):
        parts.append(f"事项 {record['incident']}")
    text = " ".join(parts)
    return f"{text}：{record['note']}" if record.get("note") else text


def trimmed(number: str) -> str:
    return number.rstrip("0").rstrip(".") if "." in number else number


def breakdown_rows(
    unit: dict[str, Any], records: list[dict[str, Any]], scheme: engine.Scheme
) -> list[BreakdownRow]:
    by_path: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        node = scheme.find_node(record["indicator"])
        path = node.path if node else record["indicator"]
        by_path[path].append({**record, "text": record_text(record, scheme)})
    return [
        BreakdownRow(
            path=node["path"],
            code=node["code"],
            name=node["name"],
            depth=depth_of(node["path"]),
            points=node["points"],
            score=node["score"],
            applies=node["applies"],
            explanation=node["explanation"],
            records=by_path.get(node["path"], []),
        )
        for node in unit["nodes"]
    ]


def section_names(scheme: engine.Scheme) -> list[str]:
    """In the scheme's order: PostgreSQL's jsonb does not keep the keys of stored dicts in order."""
    return [section.name for section in scheme.sections]


def veto_marks(unit: dict[str, Any]) -> list[str]:
    return [
        engine.VETO_CONSEQUENCES.get(v["consequence"], v["consequence"]) for v in unit["vetoes"]
    ]


def ranking_headers(sections: list[str]) -> list[str]:
    """The ranking's columns, on the page and in every export of it."""
    return ["名次", "单位", *sections, "总分", "等次", "否决情况"]


def ranking_rows(data: dict[str, Any], names: list[str]) -> list[dict[str, Any]]:
    return [
        {
            "unit": unit["unit"],
            "rank": unit["rank"],
            "sections": [unit["sections"].get(name, "") for name in names],
            "total": unit["total"],
            "grade": unit["grade"] or "",
            "vetoes": veto_marks(unit),
            "excellence_eligible": unit["excellence_eligible"],
        }
        for unit in data.get("units", [])
    ]
