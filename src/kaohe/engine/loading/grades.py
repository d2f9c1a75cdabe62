"""Reading grade bands, the excellence quota and the ranking tie-breakers."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from decimal import Decimal

from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.scheme import PATH_SEPARATOR, ExcellenceQuota, GradeBand, Node
from kaohe.engine.numbers import show


def read_grades(settings: Settings) -> tuple[GradeBand, ...]:
    """Bands highest first; each but the last has a min, strictly falling, so there is no gap."""
    raw = settings.get("grades")
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(item, Mapping) for item in raw):
        settings.problem("「grades」应为等次列表，如 - {name: 优秀, min: 90}")
        return ()
    bands: list[GradeBand] = []
    for index, item in enumerate(raw, start=1):
        band_settings = Settings(
            item, f"{settings.where}{PATH_SEPARATOR}等次 {index}", settings.problems
        )
        name = band_settings.text("name")
        if not name:
            band_settings.problem("缺少等次名称「name」")
        bands.append(GradeBand(name, band_settings.decimal("min")))
        band_settings.finish()
    written = [item.get("min") is not None for item in raw]
    check_bands(bands, written, settings)
    return tuple(bands)


def check_bands(bands: list[GradeBand], written: list[bool], settings: Settings) -> None:
    """Gapless: every band but the last has a min (one written but unreadable is reported
    already), strictly falling; the last has none."""
    if not bands:
        return
    if bands[-1].min is not None:
        settings.problem(
            f"最低等次「{bands[-1].name}」不应设 min，"
            f"否则低于 {show(bands[-1].min)} 分的单位没有等次"
        )
    for index, (upper, lower) in enumerate(itertools.pairwise(bands)):
        if upper.min is None:
            if not written[index]:
                settings.problem(f"等次「{upper.name}」缺少 min（只有最低等次可以不设）")
        elif lower.min is not None and lower.min >= upper.min:
            settings.problem(
                f"等次应从高到低排列：「{lower.name}」的 min {show(lower.min)} "
                f"不低于「{upper.name}」的 {show(upper.min)}"
            )
    names = [band.name for band in bands]
    if len(set(names)) != len(names):
        settings.problem("等次名称重复")


QUOTA_ROUNDING = ("floor", "half_up", "ceil")


def read_quota(settings: Settings) -> ExcellenceQuota | None:
    raw = settings.mapping("excellence_quota")
    if raw is None:
        return None
    quota_settings = Settings(
        raw, f"{settings.where}{PATH_SEPARATOR}excellence_quota", settings.problems
    )
    grade = quota_settings.text("grade")
    ratio = quota_settings.decimal("ratio", Decimal(0)) or Decimal(0)
    demote_to = quota_settings.text("demote_to")
    rounding = quota_settings.choice("rounding", QUOTA_ROUNDING, "floor")
    quota_settings.finish()
    if not 0 < ratio <= 1:
        quota_settings.problem(f"「ratio」应在 0 到 1 之间（现为 {show(ratio)}）")
    written = settings.raw.get("grades")
    bands = written if isinstance(written, list) else []
    names = [str(band.get("name")) for band in bands if isinstance(band, Mapping)]
    for key, value in (("grade", grade), ("demote_to", demote_to)):
        if value not in names:
            quota_settings.problem(f"「{key}」的等次「{value}」不在 grades 中")
    return ExcellenceQuota(grade, ratio, demote_to, rounding)


def read_tie_breakers(settings: Settings, sections: tuple[Node, ...]) -> tuple[str, ...]:
    breakers = settings.texts("tie_breakers") or ("total",)
    allowed = {"total", "name"} | {section.name for section in sections}
    for breaker in breakers:
        if breaker not in allowed:
            settings.problem(f"「tie_breakers」中的「{breaker}」应为 total、name 或一级指标名称")
    return breakers
