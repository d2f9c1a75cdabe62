"""Decimal helpers shared by the engine: showing numbers and rounding once at the end."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)


def show(number: Decimal) -> str:
    """A number as people write it: no exponent, no trailing zeros (1.50 → 1.5, 1E+1 → 10)."""
    if number == number.to_integral_value():
        return format(number.to_integral_value(), "f")
    return format(number.normalize(), "f")


def round_half_up(number: Decimal, decimals: int) -> Decimal:
    """Round to ``decimals`` places, half away from zero (四舍五入)."""
    return number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def clamp(number: Decimal, low: Decimal | None, high: Decimal | None) -> Decimal:
    if low is not None and number < low:
        return low
    if high is not None and number > high:
        return high
    return number
