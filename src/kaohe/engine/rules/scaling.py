"""Counting whole or partial steps of a gap (每减少1万平方米, 每下降1个百分点)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from kaohe.engine.loading.settings import Settings
from kaohe.engine.numbers import ONE, ZERO

PARTIAL_MODES = ("floor", "prorate", "ceil")
PARTIAL_WORDS = {"floor": "不足一档不计", "prorate": "按比例计", "ceil": "不足一档按一档计"}


def steps(gap: Decimal, step: Decimal, partial: str) -> Decimal:
    """How many steps ``gap`` spans: whole steps only, exactly, or any part counting as one."""
    if gap <= 0:
        return ZERO
    ratio = gap / step
    if partial == "prorate":
        return ratio
    rounding = ROUND_FLOOR if partial == "floor" else ROUND_CEILING
    return ratio.to_integral_value(rounding=rounding)


def stepper(step: Decimal, partial: str) -> Callable[[Decimal], Decimal]:
    """``steps`` for one rule's step and partial mode, for a gap above zero, with the same
    results: dividing by a step of exactly 1 is left out (it changes neither the value nor
    its exponent). The quick path calls this once per unit."""
    whole_one = step == ONE and step.as_tuple().exponent == 0
    if partial == "prorate":
        return (lambda gap: gap) if whole_one else (lambda gap: gap / step)
    rounding = ROUND_FLOOR if partial == "floor" else ROUND_CEILING
    if whole_one:
        return lambda gap: gap.to_integral_value(rounding=rounding)
    return lambda gap: (gap / step).to_integral_value(rounding=rounding)


def read_step(settings: Settings) -> tuple[Decimal, str]:
    step = settings.decimal("step", Decimal(1)) or Decimal(1)
    if step <= 0:
        settings.problem(f"「step」必须大于 0（现为 {step}）")
        step = Decimal(1)
    return step, settings.choice("partial", PARTIAL_MODES, "floor")
