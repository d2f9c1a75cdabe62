"""Steps 7–10: the formula, vetoes, rounding, grade bands, ranking and the excellence quota."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from kaohe.engine.compute.results import SortKey, Standing, UnitResult
from kaohe.engine.formula import Expression, evaluate, explain
from kaohe.engine.model.scheme import GradeBand, Scheme
from kaohe.engine.numbers import ZERO, round_half_up
from kaohe.engine.rules.base import Line


def total_of(scheme: Scheme, sections: Mapping[str, Decimal]) -> tuple[Decimal, Line]:
    total = evaluate(scheme.formula, sections, scheme.formula_text)
    return total, Line("总分 = {} = {} 分", (WrittenFormula(scheme.formula, sections), total))


class WrittenFormula:
    """The formula with each subtotal written in, composed only when the line is read."""

    __slots__ = ("expression", "subtotals")

    def __init__(self, expression: Expression, subtotals: Mapping[str, Decimal]) -> None:
        self.expression = expression
        self.subtotals = subtotals

    def __str__(self) -> str:
        return explain(self.expression, self.subtotals)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def apply_vetoes(scheme: Scheme, result: UnitResult) -> None:
    """Step 8, then 9's grade: a zero veto empties the total; others act on grade and rank."""
    for veto in result.vetoes:
        result.total_lines.append(veto.line)
    if result.vetoed("zero"):
        result.total = ZERO
    result.total = round_half_up(result.total, scheme.decimals)
    result.total_lines.append(
        Line("按 {} 位小数四舍五入，总分 {} 分", (scheme.decimals, str(result.total)))
    )
    result.grade = result.band_grade = grade_of(scheme, result)


def grade_of(scheme: Scheme, result: UnitResult) -> str | None:
    if not scheme.grades or result.vetoed("disqualify"):
        return None
    index = band_index(scheme.grades, result.total)
    for veto in result.vetoes:
        if veto.consequence == "grade_cap":
            capped = next((i for i, band in enumerate(scheme.grades) if band.name == veto.grade), 0)
            index = max(index, capped)
        if veto.consequence == "no_excellence" and scheme.grades[index].name == excellent(scheme):
            index = min(index + 1, len(scheme.grades) - 1)
    grade = scheme.grades[index].name
    result.total_lines.append(Line("等次：{}", (grade,)))
    return grade


def band_index(bands: Sequence[GradeBand], total: Decimal) -> int:
    for index, band in enumerate(bands):
        if band.min is None or total >= band.min:
            return index
    return len(bands) - 1


def excellent(scheme: Scheme) -> str:
    """The grade a quota or a no_excellence veto is about: the quota's, else the top band."""
    if scheme.excellence_quota is not None:
        return scheme.excellence_quota.grade
    return scheme.grades[0].name if scheme.grades else ""


def sort_key(scheme: Scheme, result: UnitResult) -> SortKey:
    """Ranking order: units listed last by a veto after the rest, then each tie-breaker.

    A section subtotal is compared as it is shown, rounded like the total: two units both shown
    丙项 8.65 are tied on it (8.645 and 8.65 inside), and the next tie-breaker decides."""
    parts: list[object] = [1 if result.vetoed("rank_last") else 0]
    for breaker in scheme.tie_breakers:
        if breaker == "total":
            parts.append(-result.total)
        elif breaker == "name":
            parts.append(result.unit)
        else:
            parts.append(-round_half_up(result.sections[breaker], scheme.decimals))
    return tuple(parts)


def standing_of(scheme: Scheme, result: UnitResult) -> Standing:
    return Standing(sort_key(scheme, result), result.band_grade, not result.vetoed("disqualify"))


def rank_all(scheme: Scheme, results: dict[str, UnitResult]) -> dict[str, UnitResult]:
    """Rank every unit (ties share a rank), apply the quota, and return them in rank order.

    Ranking again (after one unit was recomputed) is safe: each unit starts again from its
    grade before the quota.
    """
    for result in results.values():
        result.grade, result.quota_line, result.rank = result.band_grade, None, None
    standings = {name: standing_of(scheme, result) for name, result in results.items()}
    ranked = sorted(
        (n for n in results if standings[n].ranked), key=lambda n: (standings[n].key, n)
    )
    previous: SortKey | None = None
    for index, name in enumerate(ranked, start=1):
        if standings[name].key != previous:
            position, previous = index, standings[name].key
        results[name].rank = position
    apply_quota(scheme, [results[name] for name in ranked])
    unranked = [name for name in results if not standings[name].ranked]
    return {name: results[name] for name in ranked + unranked}


QUOTA_ROUNDING = {"floor": ROUND_FLOOR, "half_up": ROUND_HALF_UP, "ceil": ROUND_CEILING}


def quota_size(scheme: Scheme, ranked_count: int) -> int:
    quota = scheme.excellence_quota
    assert quota is not None
    places = quota.ratio * ranked_count
    return int(places.to_integral_value(rounding=QUOTA_ROUNDING[quota.rounding]))


def apply_quota(scheme: Scheme, ranked: Sequence[UnitResult]) -> None:
    quota = scheme.excellence_quota
    if quota is None:
        return
    allowed = quota_size(scheme, len(ranked))
    kept = 0
    for result in ranked:
        if result.grade != quota.grade:
            continue
        kept += 1
        if kept > allowed:
            demote(scheme, result, allowed)


def demote(scheme: Scheme, result: UnitResult, allowed: int) -> None:
    quota = scheme.excellence_quota
    assert quota is not None
    line = Line(
        "{}比例 {}（{} 个名额）已满，等次由{}调为{}",
        (quota.grade, quota.ratio, allowed, quota.grade, quota.demote_to),
    )
    result.quota_line = line
    result.grade = quota.demote_to


def rank_one(scheme: Scheme, result: UnitResult, standings: Mapping[str, Standing]) -> None:
    """Rank and quota for one recomputed unit against the other units' standings."""
    mine = standing_of(scheme, result)
    if not mine.ranked:
        result.rank = None
        return
    others = [s for name, s in standings.items() if name != result.unit and s.ranked]
    result.rank = 1 + sum(1 for other in others if other.key < mine.key)
    quota = scheme.excellence_quota
    if quota is None or result.grade != quota.grade:
        return
    ahead = sum(1 for o in others if o.grade == quota.grade and o.key < mine.key)
    allowed = quota_size(scheme, len(others) + 1)
    if ahead >= allowed:
        demote(scheme, result, allowed)
