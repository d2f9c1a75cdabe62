"""The numbers behind each chart, computed here so that tests read them and the page prints
them in a table beside the chart; the page hands them to ECharts as ``json_script`` data.

Each function takes result JSON as the pages have it (a cycle's summary, units' node trees) and
returns plain lists and dicts of strings and numbers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kaohe import engine

CENT = Decimal("0.01")
NO_GRADE = "未定等次"
LOST_SHOWN = 10  # indicators on the points-lost chart


def average(values: list[Decimal]) -> Decimal:
    return (sum(values, Decimal(0)) / len(values)).quantize(CENT, ROUND_HALF_UP)


def ranking_bar(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each unit's total in rank order; a vetoed unit's bar is grey."""
    return [{"unit": row["unit"], "total": row["total"], "vetoes": row["vetoes"]} for row in rows]


def grade_distribution(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """How many units have each grade, the grades in the order the ranking first meets them."""
    counts = Counter(unit["grade"] or NO_GRADE for unit in summary.get("units", []))
    return [{"grade": grade, "count": count} for grade, count in counts.items()]


def scored_sections(scheme: engine.Scheme) -> list[engine.Node]:
    """The sections a radar can show: those with points to reach (not bonus or penalty)."""
    return [section for section in scheme.sections if section.points]


def section_radar(summary: dict[str, Any], scheme: engine.Scheme, label: str) -> dict[str, Any]:
    """A unit's score in each scored section against the average of every unit in the cycle."""
    units = summary.get("units", [])
    mine = next((unit for unit in units if unit["unit"] == label), None)
    rows = []
    for section in scored_sections(scheme):
        scores = [Decimal(unit["sections"].get(section.name, "0")) for unit in units]
        own = mine["sections"].get(section.name, "0") if mine else "0"
        rows.append(
            {
                "section": section.name,
                "points": str(section.points),
                "score": own,
                "average": str(average(scores)) if scores else "0",
            }
        )
    return {"unit": label, "rows": rows}


def points_lost(nodes: list[dict[str, Any]]) -> dict[str, Decimal]:
    """Points a unit lost on each indicator: its points less its score, where it scored less."""
    lost: dict[str, Decimal] = {}
    for node in nodes:
        if node["kind"] in ("group", "bonus") or node["points"] is None or not node["applies"]:
            continue
        short = Decimal(node["points"]) - Decimal(node["score"])
        if short > 0:
            lost[f"{node['code']} {node['name']}"] = short
    return lost


def points_lost_by_indicator(trees: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Across the units' trees: the indicators where most points were lost, with how many units
    lost points there (the largest ``LOST_SHOWN``)."""
    total: dict[str, Decimal] = defaultdict(Decimal)
    units: Counter[str] = Counter()
    for nodes in trees:
        for indicator, short in points_lost(nodes).items():
            total[indicator] += short
            units[indicator] += 1
    ordered = sorted(total.items(), key=lambda item: (-item[1], item[0]))[:LOST_SHOWN]
    return [
        {"indicator": name, "lost": str(lost.quantize(CENT)), "units": units[name]}
        for name, lost in ordered
    ]


def unit_trend(label: str, summaries: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The unit's total, rank and grade in each cycle (name, summary) where it took part."""
    points = []
    for cycle_name, summary in summaries:
        units = summary.get("units", [])
        mine = next((unit for unit in units if unit["unit"] == label), None)
        if mine is not None:
            points.append(
                {
                    "cycle": cycle_name,
                    "total": mine["total"],
                    "rank": mine["rank"],
                    "of": len(units),
                    "grade": mine["grade"] or "",
                }
            )
    return points


def unit_points_lost(nodes: list[dict[str, Any]], shown: int = 5) -> list[dict[str, Any]]:
    """Where one unit lost most points (the largest ``shown``)."""
    ordered = sorted(points_lost(nodes).items(), key=lambda item: (-item[1], item[0]))[:shown]
    return [
        {"indicator": name, "lost": str(lost.quantize(CENT)), "units": None}
        for name, lost in ordered
    ]
