"""Decimal helpers shared by the engine: showing numbers and rounding once at the end."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
ONE = Decimal(1)


SHOWN_PLACES = 4


def show(number: Decimal) -> str:
    """A number as people write it: no exponent, no trailing zeros (1.50 → 1.5, 1E+1 → 10).

    Explanations show at most four decimal places; a longer exact value (a third) is shown
    rounded with ≈, while the engine keeps computing with the exact value.
    """
    if not number:
        return "0"  # −0 (a shortfall met: −1 × 0 steps) is 0 to people
    if number == number.to_integral_value():
        return format(number.to_integral_value(), "f")
    normal = number.normalize()
    if -normal.as_tuple().exponent > SHOWN_PLACES:  # type: ignore[operator]
        return "≈" + format(round_half_up(number, SHOWN_PLACES).normalize(), "f")
    return format(normal, "f")


def round_half_up(number: Decimal, decimals: int) -> Decimal:
    """Round to ``decimals`` places, half away from zero (四舍五入); never −0 (−0.004 → 0.00)."""
    rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return rounded if rounded else rounded.copy_abs()


def clamp(number: Decimal, low: Decimal | None, high: Decimal | None) -> Decimal:
    if low is not None and number < low:
        return low
    if high is not None and number > high:
        return high
    return number
