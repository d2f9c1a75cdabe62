"""load_scheme: a plain dict (as read from YAML) in, a validated Scheme out."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from kaohe.engine.errors import SchemeError
from kaohe.engine.formula import FormulaError, parse_for_sections
from kaohe.engine.formula.ast import Expression, Number, subtracted
from kaohe.engine.loading.checks import check_references
from kaohe.engine.loading.grades import read_grades, read_quota, read_tie_breakers
from kaohe.engine.loading.nodes import TreeReader
from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.scheme import Node, Scheme
from kaohe.engine.periods import PERIODS

FORMAT = "kaohe-scheme/1"


def load_scheme(data: Mapping[str, Any]) -> Scheme:
    """Validate ``data`` and build the Scheme; raise SchemeError listing every problem found."""
    if not isinstance(data, Mapping):
        raise SchemeError(["方案文件的顶层应为映射（format、name、sections……）"])
    problems: list[str] = []
    label = f"方案「{data.get('name') or data.get('id') or '未命名'}」"
    settings = Settings(data, label, problems)
    fmt = settings.text("format", FORMAT)
    if fmt != FORMAT:
        settings.problem(f"不支持的格式「{fmt}」，应为 {FORMAT}")
    sections = TreeReader(label, problems).nodes(settings.get("sections") or [], "", "")
    if not sections:
        settings.problem("方案没有任何一级指标（sections）")
    scheme = Scheme(
        id=settings.text("id"),
        name=settings.text("name"),
        body=settings.text("body"),
        period=settings.choice("period", PERIODS, "year"),
        decimals=read_decimals(settings),
        categories=settings.texts("categories"),
        formula_text=settings.text("formula"),
        formula=read_formula(settings, sections),
        grades=read_grades(settings),
        excellence_quota=read_quota(settings),
        tie_breakers=read_tie_breakers(settings, sections),
        sections=sections,
    )
    if not scheme.id:
        settings.problem("缺少方案编号「id」")
    if not scheme.name:
        settings.problem("缺少方案名称「name」")
    settings.finish()
    check_references(scheme, label, problems)
    if problems:
        raise SchemeError(problems)
    return scheme


def read_decimals(settings: Settings) -> int:
    decimals = settings.decimal("decimals", Decimal(2))
    if decimals is None or decimals != decimals.to_integral_value() or not 0 <= decimals <= 6:
        settings.problem("「decimals」应为 0 到 6 的整数")
        return 2
    return int(decimals)


def read_formula(settings: Settings, sections: tuple[Node, ...]) -> Expression:
    """The parsed formula; without one, the total is the sum of the sections."""
    text = settings.text("formula")
    names = [section.name for section in sections]
    if not text:
        text = " + ".join(f"「{name}」" for name in names) or "0"
    try:
        expression = parse_for_sections(text, names)
    except FormulaError as error:
        settings.problem(f"公式「formula」有误：{error}")
        return Number(Decimal(0), 0)
    check_penalties_added(settings, expression, sections)
    return expression


def check_penalties_added(
    settings: Settings, expression: Expression, sections: tuple[Node, ...]
) -> None:
    """A penalty section scores 0 or less (扣 3 分 is −3): the formula adds it. Written after a
    minus, as the document says it (…−察访核验扣分), it would add the points it deducts."""
    penalties = {section.name for section in sections if deducts_only(section)}
    for ref in subtracted(expression):
        if ref.name in penalties:
            settings.problem(
                f"公式「formula」有误：「{ref.name}」是倒扣分项，得分本身为负数（扣 3 分即 -3），"
                f"公式中减去它反而会加分，请写作「+ {ref.name}」"
            )


def deducts_only(section: Node) -> bool:
    """A penalty item, or a group of penalty items only: its score is never above 0."""
    return all(node.kind == "penalty" for node in section.walk() if not node.is_group)
