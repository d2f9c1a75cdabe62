"""Scheme-wide settings read from the prose, and checking the scheme with the engine's loader,
reporting instead of raising."""

from __future__ import annotations

import importlib
from typing import Any

from kaohe.textrules import read_grades
from kaohe.transfer.importers.report import ImportReport


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
