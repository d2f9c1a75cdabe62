"""Scheme-wide settings read from the prose, and checking the scheme with the engine's loader,
reporting instead of raising."""

from __future__ import annotations

import importlib
from typing import Any

from kaohe.engine import PATH_SEPARATOR
from kaohe.textrules import read_grades
from kaohe.transfer.importers.report import ImportReport
from kaohe.transfer.scheme_file import nodes_with_paths


def add_grades(scheme: dict[str, Any], prose: str, report: ImportReport) -> None:
    """Grade bands written as prose (「总得分在90分以上（含90分）的确定为优秀等次……」)."""
    if not prose:
        return
    try:
        grades = read_grades(prose)
    except Exception as error:
        report.notes.append(f"等次说明未能自动解析（{type(error).__name__}），请在方案中手工设置")
        return
    if grades:
        sections = scheme.pop("sections")
        scheme["grades"] = [dict(band) for band in grades]
        scheme["sections"] = sections  # the tree stays last in the written file
        bands = "、".join(
            f"{band['name']}≥{band['min']}" if "min" in band else band["name"] for band in grades
        )
        report.notes.append(f"识别到等次：{bands}")


def validate(scheme: dict[str, Any]) -> list[str]:
    """What ``kaohe.engine.load_scheme`` says about the scheme; empty when it loads."""
    engine = importlib.import_module("kaohe.engine")
    load_scheme = getattr(engine, "load_scheme", None)
    if load_scheme is None:
        return ["方案未经引擎校验：kaohe.engine.load_scheme 尚不可用"]
    try:
        load_scheme(scheme)
    except Exception as error:
        return [line for line in str(error).splitlines() if line.strip()] or [type(error).__name__]
    return []


_NEED_POINTS = ("scored", "value", None)


def pending_work(scheme: dict[str, Any], report: ImportReport) -> list[str]:
    """What a person must settle before the imported scheme can be published: items with 0
    points or no rule, points that do not add up, flagged rules, scoring text left aside."""
    pending = [
        f"「{check.path}」本级 {check.declared} 分，下级合计 {check.children} 分"
        for check in report.points_checks
        if not check.adds_up
    ]
    for names, node in nodes_with_paths(scheme.get("sections") or []):
        if node.get("children"):
            continue
        path = PATH_SEPARATOR.join(names)
        if node.get("kind") in _NEED_POINTS and not node.get("points"):
            pending.append(f"「{path}」没有分值")
        if not node.get("rules"):
            pending.append(f"「{path}」没有评分规则")
    if report.rules_flagged:
        pending.append(f"{len(report.rules_flagged)} 条规则待人工确认（见下）")
    if report.scoring_ignored:
        pending.append(f"{report.scoring_ignored} 处含扣分/加分字样的文字未归入指标（见下）")
    return pending
