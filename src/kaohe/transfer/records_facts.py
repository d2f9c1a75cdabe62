"""The facts file (YAML): the cycle's months, units with categories and non-participation,
and evaluation scores. See docs/records-format.md."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from kaohe.engine import EvaluationScore, Facts, FactsError, Record, Unit
from kaohe.transfer.oserrors import reason

KEYS = ("cycle", "periods", "units", "evaluations")


def read_facts(path: str | Path, records: Iterable[Record] = ()) -> Facts:
    """The facts in the file at ``path`` together with ``records`` (from the records file)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8-sig")) or {}
    except OSError as error:
        raise FactsError([f"无法读取事实文件「{path}」：{reason(error)}"]) from error
    except yaml.YAMLError as error:
        raise FactsError([f"事实文件「{path}」的 YAML 格式有误：{error}"]) from error
    return facts_from_data(data, records)


def facts_from_data(data: Any, records: Iterable[Record] = ()) -> Facts:
    if not isinstance(data, Mapping):
        raise FactsError(["事实文件的顶层应为映射（periods、units、evaluations）"])
    problems = [f"事实文件：未知的字段「{key}」" for key in data if key not in KEYS]
    periods = expand_periods(data.get("periods") or [], problems)
    units = [
        unit_from(item, index, problems) for index, item in enumerate(data.get("units") or [], 1)
    ]
    evaluations = [
        evaluation_from(item, index, problems)
        for index, item in enumerate(data.get("evaluations") or [], 1)
    ]
    if problems:
        raise FactsError(problems)
    return Facts.of(records, units=units, evaluations=evaluations, periods=periods)


def expand_periods(raw: Any, problems: list[str]) -> list[str]:
    """Months as ``YYYY-MM``; ``2024-01..2024-12`` is a range."""
    items = [raw] if isinstance(raw, str) else list(raw)
    months: list[str] = []
    for item in items:
        text = str(item).strip()
        if ".." in text:
            months += month_range(text, problems)
        else:
            months.append(text)
    return months


def month_range(text: str, problems: list[str]) -> list[str]:
    start, _, end = text.partition("..")
    try:
        year, month = (int(part) for part in start.split("-"))
        last_year, last_month = (int(part) for part in end.split("-"))
    except ValueError:
        problems.append(f"事实文件 periods：「{text}」应写作 2024-01..2024-12")
        return []
    months = []
    while (year, month) <= (last_year, last_month):
        months.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def unit_from(item: Any, index: int, problems: list[str]) -> Unit:
    if isinstance(item, str):
        return Unit(item.strip())
    if not isinstance(item, Mapping) or not item.get("name"):
        problems.append(f"事实文件 units 第 {index} 项：需要「name」")
        return Unit(f"?{index}")
    unknown = set(item) - {"name", "categories", "not_participating"}
    problems += [f"事实文件 units 第 {index} 项：未知的字段「{key}」" for key in sorted(unknown)]
    return Unit(
        str(item["name"]).strip(),
        texts(item.get("categories")),
        texts(item.get("not_participating")),
    )


def texts(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw.strip(),)
    return tuple(str(item).strip() for item in raw)


def evaluation_from(item: Any, index: int, problems: list[str]) -> EvaluationScore:
    where = f"事实文件 evaluations 第 {index} 项"
    if not isinstance(item, Mapping):
        problems.append(f"{where}：应为映射（unit、indicator、group、round、score）")
        return EvaluationScore("", "", "", Decimal(0))
    missing = [key for key in ("unit", "indicator", "group", "score") if item.get(key) is None]
    problems += [f"{where}：缺少「{key}」" for key in missing]
    try:
        score = Decimal(str(item.get("score", 0)))
    except InvalidOperation:
        score = Decimal("NaN")
    if not score.is_finite():
        problems.append(f"{where}：score「{item.get('score')}」不是数字")
        score = Decimal(0)
    return EvaluationScore(
        unit=str(item.get("unit", "")).strip(),
        indicator=str(item.get("indicator", "")).strip(),
        group=str(item.get("group", "")).strip(),
        score=score,
        round=str(item.get("round") or "").strip(),
    )
